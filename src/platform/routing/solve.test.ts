import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check } from './check.ts';
import type { Problem, Site } from './problem.ts';
import { solve } from './solve.ts';
import { solveInWorker } from './solve-in-worker.ts';

const quick = { timeLimitMs: 10_000, seed: 7, maxIterations: 300 };

const site = (x: number, y: number, ready: number, due: number, demand = 1): Site => ({
  x,
  y,
  demand,
  ready,
  due,
  service: 1,
});

const depot: Site = { x: 0, y: 0, demand: 0, ready: 0, due: 1000, service: 0 };

describe('solve', () => {
  it.each([
    { name: 'no customers', customers: [], capacity: 1, routes: [] },
    { name: 'one customer', customers: [site(3, 4, 0, 100)], capacity: 1, routes: [[1]] },
    {
      name: 'a line served out and back in one vehicle',
      customers: [site(2, 0, 0, 100), site(1, 0, 0, 100), site(3, 0, 0, 100)],
      capacity: 3,
      routes: [[2, 1, 3]],
    },
    {
      name: 'capacity splitting the line in two',
      customers: [site(1, 0, 0, 100, 2), site(2, 0, 0, 100, 2)],
      capacity: 3,
      routes: [[1], [2]],
    },
    {
      name: 'time windows forcing the far customer first',
      customers: [site(1, 0, 50, 60), site(5, 0, 0, 6)],
      capacity: 5,
      routes: [[2, 1]],
    },
  ])('$name', ({ customers, capacity, routes }) => {
    const problem: Problem = { depot, customers, capacity };
    const solution = solve(problem, quick);
    expect(solution.routes.map((route) => route.toSorted()).sort()).toEqual(
      routes.map((route) => route.toSorted()).sort(),
    );
    expect(check(problem, solution.routes).violations).toEqual([]);
  });

  it('refuses a customer no vehicle can reach in time', () => {
    const problem: Problem = { depot, customers: [site(100, 0, 0, 50)], capacity: 1 };
    expect(() => solve(problem, quick)).toThrow('customer 1 cannot be reached inside its time window');
  });

  it('uses a travel function in place of straight lines', () => {
    const customers = [site(1, 0, 0, 100), site(2, 0, 0, 100)];
    const travel = (from: number, to: number) => (from === to ? 0 : 10);
    const solution = solve({ depot, customers, capacity: 5, travel }, quick);
    expect(solution.distance).toBe(30);
  });

  it('returns only plans the checker accepts, the same for the same seed', () => {
    const siteArb = fc.record({
      x: fc.integer({ min: 0, max: 50 }),
      y: fc.integer({ min: 0, max: 50 }),
      demand: fc.integer({ min: 1, max: 10 }),
      ready: fc.integer({ min: 0, max: 100 }),
      width: fc.integer({ min: 80, max: 200 }),
      service: fc.integer({ min: 0, max: 10 }),
    });
    const arb = fc.record({ sites: fc.array(siteArb, { minLength: 1, maxLength: 25 }), seed: fc.nat() });
    fc.assert(
      fc.property(arb, ({ sites, seed }) => {
        const customers = sites.map(({ width, ...s }) => ({ ...s, due: s.ready + width }));
        const problem: Problem = { depot: { ...depot, due: 500 }, customers, capacity: 30 };
        const options = { timeLimitMs: 10_000, seed, maxIterations: 100 };
        const solution = solve(problem, options);
        const checked = check(problem, solution.routes);
        expect(checked.violations).toEqual([]);
        expect(checked.distance).toBeCloseTo(solution.distance, 6);
        expect(solve(problem, options).routes).toEqual(solution.routes);
      }),
      { numRuns: 50 },
    );
  });

  it('solves on a worker thread', async () => {
    const customers = [site(2, 0, 0, 100), site(1, 0, 0, 100), site(3, 0, 0, 100)];
    const problem: Problem = { depot, customers, capacity: 3, travel: (a, b) => Math.abs(a - b) };
    const solution = await solveInWorker(problem, quick);
    expect(solution).toEqual(solve(problem, quick));
  });

  describe('with a given fleet', () => {
    const places = [{ x: 10, y: 0 }];
    const home = 1 + 3; // node of places[0] with three customers

    it('sends each vehicle to its own end and keeps it from what it must not serve', () => {
      const problem: Problem = {
        depot,
        customers: [site(9, 0, 0, 100), site(1, 0, 0, 100), site(9, 1, 0, 100)],
        capacity: 10,
        places,
        vehicles: [
          { start: 0, end: home, ready: 0, due: 100, forbidden: [2] },
          { start: 0, end: 0, ready: 0, due: 100, forbidden: [1, 3] },
        ],
      };
      const solution = solve(problem, quick);
      expect(solution.routes.map((route) => route.toSorted())).toEqual([[1, 3], [2]]);
      expect(check(problem, solution.routes, solution).violations).toEqual([]);
    });

    it('keeps customers with their own vehicle unless another saves more than the cost of moving', () => {
      // Both vehicles start at the depot; customer 1 is vehicle 1's though vehicle 0 passes it.
      const problem: Problem = {
        depot,
        customers: [site(5, 0, 0, 100), site(6, 0, 0, 100), site(0, 9, 0, 100)],
        capacity: 10,
        vehicles: [
          { start: 0, end: 0, ready: 0, due: 100 },
          { start: 0, end: 0, ready: 0, due: 100 },
        ],
        preferred: { vehicleOf: [1, 0, 1], cost: 50 },
      };
      expect(solve(problem, quick).routes.map((route) => route.toSorted())).toEqual([[2], [1, 3]]);
      const cheap = { ...problem, preferred: { vehicleOf: [1, 0, 1], cost: 0.5 } };
      expect(solve(cheap, quick).routes.map((route) => route.toSorted())).toEqual([[], [1, 2, 3]]);
    });

    it('leaves unassigned what no vehicle can serve in its hours', () => {
      const problem: Problem = {
        depot,
        customers: [site(1, 0, 0, 100), site(40, 0, 0, 100)],
        capacity: 10,
        vehicles: [{ start: 0, end: 0, ready: 0, due: 30 }],
      };
      const solution = solve(problem, quick);
      expect(solution).toMatchObject({ routes: [[1]], unassigned: [2] });
      expect(check(problem, solution.routes, solution).violations).toEqual([]);
    });

    it('serves a pair with two vehicles at one moment, waiting for the later one', () => {
      // Vehicle 1 starts at 30; the pair (customers 1 and 2, one place) starts when both are there.
      const problem: Problem = {
        depot,
        customers: [site(5, 0, 0, 200), site(5, 0, 0, 200), site(0, 5, 0, 200)],
        capacity: 10,
        vehicles: [
          { start: 0, end: 0, ready: 0, due: 300 },
          { start: 0, end: 0, ready: 30, due: 300 },
        ],
        together: [[1, 2]],
      };
      const solution = solve(problem, quick);
      const starts = new Map(
        solution.routes.flatMap((route, r) => route.map((c, k) => [c, solution.starts[r]?.[k]])),
      );
      expect(starts.get(1)).toBe(starts.get(2));
      expect(starts.get(1)).toBeGreaterThanOrEqual(35);
      expect(check(problem, solution.routes, solution).violations).toEqual([]);
    });

    it('meets every constraint on random instances, the same for the same seed', () => {
      fc.assert(
        fc.property(fleetInstance, ({ problem, seed }) => {
          const options = { timeLimitMs: 10_000, seed, maxIterations: 60 };
          const solution = solve(problem, options);
          const checked = check(problem, solution.routes, solution);
          expect(checked.violations).toEqual([]);
          expect(checked.distance).toBeCloseTo(solution.distance, 6);
          expect(solve(problem, options)).toEqual(solution);
        }),
        { numRuns: 60 },
      );
    });
  });
});

const point = fc.record({ x: fc.integer({ min: 0, max: 60 }), y: fc.integer({ min: 0, max: 60 }) });
const customerArb = fc.record({
  at: point,
  ready: fc.integer({ min: 0, max: 300 }),
  width: fc.integer({ min: 0, max: 300 }),
  service: fc.integer({ min: 0, max: 20 }),
});
const vehicleArb = fc.record({
  start: fc.nat(2),
  end: fc.nat(2),
  ready: fc.integer({ min: 0, max: 100 }),
  length: fc.integer({ min: 60, max: 500 }),
  forbidden: fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 6 }),
});

// Up to 30 customers, 1 to 5 vehicles starting and ending at the depot or either of two homes,
// some customers they must not serve, and up to four pairs served together.
const fleetInstance = fc
  .record({
    customers: fc.array(customerArb, { minLength: 1, maxLength: 30 }),
    homes: fc.tuple(point, point),
    vehicles: fc.array(vehicleArb, { minLength: 1, maxLength: 5 }),
    pairs: fc.nat(4),
    seed: fc.nat(),
  })
  .map(({ customers, homes, vehicles, pairs, seed }) => {
    const n = customers.length;
    const place = (k: number) => (k === 0 ? 0 : n + k);
    const together: [number, number][] = [];
    for (let k = 0; k < pairs && 2 * k + 2 <= n; k++) together.push([2 * k + 1, 2 * k + 2]);
    const problem: Problem = {
      depot: { ...depot, due: 1000 },
      customers: customers.map(({ at, ready, width, service }) => ({
        ...at,
        demand: 1,
        ready,
        due: ready + width,
        service,
      })),
      capacity: 8,
      places: homes,
      vehicles: vehicles.map((v) => ({
        start: place(v.start),
        end: place(v.end),
        ready: v.ready,
        due: v.ready + v.length,
        forbidden: v.forbidden.filter((c) => c <= n),
      })),
      together,
    };
    return { problem, seed };
  });
