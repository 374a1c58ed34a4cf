// The VRPTW as the solver sees it: a depot and customers with demand, time window and service
// time, one vehicle capacity, and travel times (which are also the distances minimised).

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

export type Problem = {
  depot: Site;
  customers: Site[];
  capacity: number;
  /** Row-major (n + 1) × (n + 1) travel times, node 0 the depot, node i customers[i - 1]. */
  matrix?: ArrayLike<number>;
  /** Travel time between two nodes (0 the depot); used when no matrix is given. */
  travel?: (from: number, to: number) => number;
};

export type SolveOptions = {
  timeLimitMs: number;
  seed: number;
  /** Stop after this many iterations; with it the result depends on the seed alone. */
  maxIterations?: number;
};

/** Routes as customer numbers (1-based, as in Problem.customers), depot left implicit. */
export type Solution = { routes: number[][]; distance: number };

/** The problem compiled into flat arrays: node 0 the depot, node i customer i. */
export type Instance = {
  n: number;
  dist: Float64Array;
  demand: Float64Array;
  ready: Float64Array;
  due: Float64Array;
  service: Float64Array;
  capacity: number;
  /** For each node, the other customers nearest first. */
  neighbours: Int32Array[];
};

export function euclidean(a: Site, b: Site): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

export function travelMatrix(problem: Problem): Float64Array {
  const sites = [problem.depot, ...problem.customers];
  const n = sites.length;
  const given = problem.matrix;
  if (given && given.length !== n * n) throw new Error(`matrix must have ${n * n} entries`);
  const travel = problem.travel ?? ((i: number, j: number) => euclidean(sites[i] as Site, sites[j] as Site));
  const dist = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) dist[i * n + j] = given ? (given[i * n + j] as number) : travel(i, j);
  return dist;
}

export function compile(problem: Problem): Instance {
  const sites = [problem.depot, ...problem.customers];
  const n = sites.length;
  const dist = travelMatrix(problem);
  const field = (pick: (site: Site) => number) => Float64Array.from(sites, pick);
  const instance: Instance = {
    n,
    dist,
    demand: field((site) => site.demand),
    ready: field((site) => site.ready),
    due: field((site) => site.due),
    service: field((site) => site.service),
    capacity: problem.capacity,
    neighbours: sites.map((_, i) => {
      const others = Array.from({ length: n - 1 }, (_, k) => k + 1).filter((j) => j !== i);
      others.sort((a, b) => (dist[i * n + a] as number) - (dist[i * n + b] as number) || a - b);
      return Int32Array.from(others);
    }),
  };
  assertServable(instance);
  return instance;
}

// A customer that no vehicle can serve on its own makes the problem infeasible.
function assertServable(inst: Instance): void {
  const { n, dist, demand, ready, due, service, capacity } = inst;
  for (let c = 1; c < n; c++) {
    const start = Math.max(
      (ready[0] as number) + (service[0] as number) + (dist[c] as number),
      ready[c] as number,
    );
    const back = start + (service[c] as number) + (dist[c * n] as number);
    if ((demand[c] as number) > capacity) throw new Error(`customer ${c} needs more than a vehicle holds`);
    if (start > (due[c] as number) || back > (due[0] as number))
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
