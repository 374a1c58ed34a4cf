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
      violations: [
        'route 0: customer 2 served outside its window at 28.21110255092798',
        'route 0: load 4 over capacity',
      ],
    },
    {
      name: 'a window missed',
      routes: [[3, 2], [1]],
      violations: ['route 0: customer 2 served outside its window at 28.21110255092798'],
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
    expect(check(tight, [[1, 2, 3]]).violations).toEqual(['route 0: back at its end late, at 25']);
  });

  describe('with a given fleet', () => {
    // Vehicle 0 from the depot to a home at (10, 0), 0 to 40; vehicle 1 from the depot and back,
    // 5 to 40, never customer 1. Customers 1 and 3 are a pair.
    const fleet: Problem = {
      ...problem,
      places: [{ x: 10, y: 0 }],
      vehicles: [
        { start: 0, end: 4, ready: 0, due: 40 },
        { start: 0, end: 0, ready: 5, due: 40, forbidden: [1] },
      ],
      together: [[1, 3]],
    };

    it.each([
      {
        name: 'a pair at one moment, each vehicle to its own end',
        routes: [[2, 1], [3]],
        starts: [[6, 20], [20]],
        unassigned: [],
        violations: [],
      },
      {
        name: 'a pair at different moments',
        routes: [[2, 1], [3]],
        starts: [[6, 12], [20]],
        unassigned: [],
        violations: ['customers 1 and 3 start apart'],
      },
      {
        name: 'a start claimed before arriving, a forbidden customer, a pair in one route',
        routes: [[2], [1, 3]],
        starts: [[1], [20, 26]],
        unassigned: [],
        violations: [
          'route 0: customer 2 started before arriving',
          'route 1: customer 1 is not allowed',
          'customers 1 and 3 are served by one vehicle',
        ],
      },
      {
        name: 'half a pair served',
        routes: [[2], [3]],
        starts: [[6], [20]],
        unassigned: [1],
        violations: ['customers 1 and 3 must be served together'],
      },
      {
        name: 'customers declared unassigned',
        routes: [[2], []],
        starts: [[6], []],
        unassigned: [1, 3],
        violations: [],
      },
    ])('$name', ({ routes, starts, unassigned, violations }) => {
      expect(check(fleet, routes, { starts, unassigned }).violations).toEqual(violations);
    });

    it('counts the way to each vehicle’s own end', () => {
      expect(check(fleet, [[2], []]).distance).toBeCloseTo(6 + 4, 9);
    });

    it('holds each vehicle to its hours', () => {
      expect(check(fleet, [[2], []], { unassigned: [1, 3] }).violations).toEqual([]);
      expect(
        check({ ...fleet, vehicles: [{ start: 0, end: 0, ready: 0, due: 10 }] }, [[2]]).violations,
      ).toEqual([
        'route 0: back at its end late, at 13',
        'customer 1 visited 0 times',
        'customer 3 visited 0 times',
      ]);
    });
  });
});
