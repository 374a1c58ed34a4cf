import { describe, expect, it } from 'vitest';
import { check } from './check.ts';
import type { Problem, Site } from './problem.ts';

const site = (x: number, y: number, ready = 0, due = 100, demand = 1): Site => ({
  x,
  y,
  demand,
  ready,
  due,
  service: 1,
});

// Depot at the origin; customers 1 and 2 on the x axis at 3 and 6 (2 due by 8), customer 3 at
// (0, 4) opening at 20; service 1 each.
const problem: Problem = {
  depot: { ...site(0, 0, 0, 100, 0), service: 0 },
  customers: [site(3, 0), site(6, 0, 0, 8), site(0, 4, 20, 30, 2)],
  capacity: 3,
};

describe('check', () => {
  it.each([
    { name: 'a valid plan', routes: [[1, 2], [3]], violations: [] },
    { name: 'another valid order', routes: [[2, 1], [3]], violations: [] },
    { name: 'a customer missed', routes: [[1, 2]], violations: ['customer 3 visited 0 times'] },
    {
      name: 'a customer twice',
      routes: [
        [1, 2],
        [3, 1],
      ],
      violations: ['customer 1 visited 2 times'],
    },
    {
      name: 'over capacity and late after waiting',
      routes: [[1, 3, 2]],
      violations: ['route 0: customer 2 served late at 28.21110255092798', 'route 0: load 4 over capacity'],
    },
    {
      name: 'a window missed',
      routes: [[3, 2], [1]],
      violations: ['route 0: customer 2 served late at 28.21110255092798'],
    },
    {
      name: 'not a customer',
      routes: [
        [1, 7],
        [2, 3],
      ],
      violations: ['route 0: 7 is not a customer'],
    },
    {
      name: 'the depot inside a route',
      routes: [[1, 0, 2], [3]],
      violations: ['route 0: 0 is not a customer', 'customer 2 visited 0 times'],
    },
  ])('$name', ({ routes, violations }) => {
    expect(check(problem, routes).violations).toEqual(violations);
  });

  it('recomputes the distance', () => {
    expect(check(problem, [[1, 2], [3]]).distance).toBeCloseTo(12 + 8, 9);
  });

  it('flags a vehicle back at the depot after its due time', () => {
    const tight = { ...problem, capacity: 10, depot: { ...problem.depot, due: 20 } };
    expect(check(tight, [[1, 2, 3]]).violations).toEqual(['route 0: back at the depot late at 25']);
  });
});
