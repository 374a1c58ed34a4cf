// The VRPTW as the solver sees it: a depot and customers with demand, time window and service
// time, travel times (which are also what is minimised), and either a free fleet of identical
// vehicles at the depot or a given fleet, each vehicle with its own start, end, hours, capacity
// and the customers it must not serve. Pairs of customers may have to be served at the same
// moment by two different vehicles (two officers at one visit).

export type Site = {
  x: number;
  y: number;
  demand: number;
  /** Earliest start of service. */
  ready: number;
  /** Latest start of service (for the depot: latest return). */
  due: number;
  service: number;
};

/** A place a vehicle may start or end at besides the depot (an officer's home). */
export type Place = { x: number; y: number };

export type Vehicle = {
  /** Node the route leaves from and returns to: 0 the depot, customers.length + 1 + k places[k]. */
  start: number;
  end: number;
  /** Leaves its start no earlier than this; back at its end by `due`. */
  ready: number;
  due: number;
  capacity?: number;
  /** Customers (1-based) this vehicle must never serve. */
  forbidden?: readonly number[];
};

export type Problem = {
  depot: Site;
  customers: Site[];
  capacity: number;
  places?: Place[];
  /** A given fleet, each serving at most one route; without it vehicles from the depot are free. */
  vehicles?: Vehicle[];
  /**
   * A given fleet's customers each with the vehicle they belong to (-1 for none, by customer
   * index from 0): serving one with another vehicle costs `cost` more, in units of travel.
   */
  preferred?: { vehicleOf: readonly number[]; cost: number };
  /** Pairs of customers to be served by two different vehicles starting at the same time. */
  together?: readonly (readonly [number, number])[];
  /** Row-major N × N travel times over depot, customers, then places. */
  matrix?: ArrayLike<number>;
  /** Travel time between two nodes; used when no matrix is given. */
  travel?: (from: number, to: number) => number;
};

export type SolveOptions = {
  timeLimitMs: number;
  seed: number;
  /** Stop after this many iterations; with it the result depends on the seed alone. */
  maxIterations?: number;
  /** Annealing temperatures, in units of travel; the defaults suit Solomon's scale. */
  temperature?: { start: number; end: number };
};

/**
 * Routes as customer numbers (1-based), start and end left implicit; with a given fleet
 * routes[k] is vehicle k's (maybe empty). `starts` holds each stop's start of service (the
 * earliest the route allows); `unassigned` the customers a given fleet could not serve.
 */
export type Solution = { routes: number[][]; starts: number[][]; distance: number; unassigned: number[] };

/** The problem compiled into flat arrays: node 0 the depot, 1..customers the customers, then places. */
export type Instance = {
  /** Nodes in the matrix: depot, customers and places. */
  size: number;
  /** The last customer's node number. */
  customers: number;
  dist: Float64Array;
  demand: Float64Array;
  ready: Float64Array;
  due: Float64Array;
  service: Float64Array;
  /** For each customer, the other customers nearest first. */
  neighbours: Int32Array[];
  fleet: Fleet;
  /** For each customer its partner in a pair served together, or -1. */
  partner: Int32Array;
  /** Customers' own windows; a pair's members are narrowed to the moment chosen for them. */
  windowReady: Float64Array;
  windowDue: Float64Array;
};

export type Fleet = {
  /** A given fleet: one route per vehicle. Otherwise vehicle 0 is the template of a free fleet. */
  fixed: boolean;
  start: Int32Array;
  end: Int32Array;
  ready: Float64Array;
  due: Float64Array;
  capacity: Float64Array;
  /** allowed[v * size + c] is 0 when vehicle v must not serve customer c. */
  allowed: Uint8Array;
  /** extra[v * size + c]: what vehicle v serving customer c costs besides travel. */
  extra: Float64Array;
};

export function euclidean(a: Place, b: Place): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

function points(problem: Problem): Place[] {
  return [problem.depot, ...problem.customers, ...(problem.places ?? [])];
}

export function travelMatrix(problem: Problem): Float64Array {
  const sites = points(problem);
  const n = sites.length;
  const given = problem.matrix;
  if (given && given.length !== n * n) throw new Error(`matrix must have ${n * n} entries`);
  const travel =
    problem.travel ?? ((i: number, j: number) => euclidean(sites[i] as Place, sites[j] as Place));
  const dist = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) dist[i * n + j] = given ? (given[i * n + j] as number) : travel(i, j);
  return dist;
}

export function compile(problem: Problem): Instance {
  const customers = problem.customers.length;
  const size = customers + 1 + (problem.places?.length ?? 0);
  const dist = travelMatrix(problem);
  const sites = [problem.depot, ...problem.customers];
  const field = (pick: (site: Site) => number, place: number) =>
    Float64Array.from({ length: size }, (_, i) => (sites[i] ? pick(sites[i]) : place));
  const ready = field((site) => site.ready, 0);
  const due = field((site) => site.due, Number.POSITIVE_INFINITY);
  const instance: Instance = {
    size,
    customers,
    dist,
    demand: field((site) => site.demand, 0),
    ready,
    due,
    service: field((site) => site.service, 0),
    neighbours: neighbours(dist, size, customers),
    fleet: fleetOf(problem, size),
    partner: partners(problem, customers),
    windowReady: ready.slice(),
    windowDue: due.slice(),
  };
  assertServable(instance);
  return instance;
}

function neighbours(dist: Float64Array, size: number, customers: number): Int32Array[] {
  return Array.from({ length: customers + 1 }, (_, i) => {
    const others = Array.from({ length: customers }, (_, k) => k + 1).filter((j) => j !== i);
    others.sort((a, b) => (dist[i * size + a] as number) - (dist[i * size + b] as number) || a - b);
    return Int32Array.from(others);
  });
}

function fleetOf(problem: Problem, size: number): Fleet {
  const { depot } = problem;
  const vehicles = problem.vehicles ?? [{ start: 0, end: 0, ready: depot.ready, due: depot.due }];
  const allowed = new Uint8Array(vehicles.length * size).fill(1);
  vehicles.forEach((vehicle, v) => {
    for (const node of [vehicle.start, vehicle.end])
      if (
        !Number.isInteger(node) ||
        node < 0 ||
        node >= size ||
        (node > 0 && node <= problem.customers.length)
      )
        throw new Error(`vehicle ${v} starts or ends at ${node}, which is not the depot or a place`);
    for (const c of vehicle.forbidden ?? []) allowed[v * size + c] = 0;
  });
  const extra = new Float64Array(vehicles.length * size);
  const preferred = problem.preferred;
  preferred?.vehicleOf.forEach((owner, index) => {
    if (owner < 0) return;
    for (let v = 0; v < vehicles.length; v++) if (v !== owner) extra[v * size + index + 1] = preferred.cost;
  });
  return {
    fixed: problem.vehicles !== undefined,
    start: Int32Array.from(vehicles, (vehicle) => vehicle.start),
    end: Int32Array.from(vehicles, (vehicle) => vehicle.end),
    ready: Float64Array.from(vehicles, (vehicle) => vehicle.ready),
    due: Float64Array.from(vehicles, (vehicle) => vehicle.due),
    capacity: Float64Array.from(vehicles, (vehicle) => vehicle.capacity ?? problem.capacity),
    allowed,
    extra,
  };
}

function partners(problem: Problem, customers: number): Int32Array {
  const partner = new Int32Array(customers + 1).fill(-1);
  for (const [a, b] of problem.together ?? []) {
    const valid = (c: number) => Number.isInteger(c) && c >= 1 && c <= customers && partner[c] === -1;
    if (a === b || !valid(a) || !valid(b)) throw new Error(`customers ${a} and ${b} cannot be paired`);
    partner[a] = b;
    partner[b] = a;
  }
  return partner;
}

// With a free fleet, a customer no vehicle can serve on its own makes the problem infeasible;
// a given fleet leaves it unassigned instead.
function assertServable(inst: Instance): void {
  if (inst.fleet.fixed) return;
  const { size, dist, demand, ready, due, service, fleet } = inst;
  for (let c = 1; c <= inst.customers; c++) {
    const start = Math.max((fleet.ready[0] as number) + (dist[c] as number), ready[c] as number);
    const back = start + (service[c] as number) + (dist[c * size] as number);
    if ((demand[c] as number) > (fleet.capacity[0] as number))
      throw new Error(`customer ${c} needs more than a vehicle holds`);
    if (start > (due[c] as number) || back > (fleet.due[0] as number))
      throw new Error(`customer ${c} cannot be reached inside its time window`);
  }
}

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
