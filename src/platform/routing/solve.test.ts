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
});
