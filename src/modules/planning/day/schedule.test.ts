import { describe, expect, it } from 'vitest';
import type { OfficerDay, Point, Timed } from './rules.ts';
import { schedule } from './schedule.ts';

// Times after a change by hand: in the order given, as early as travel and each window allow, a
// visit two officers make at the later of their two arrivals.

const office: Point = { latitude: 0, longitude: 0 };
const at = (km: number): Point => ({ latitude: km, longitude: 0 });
const travel = (a: Point, b: Point) => Math.abs(a.latitude - b.latitude);
const officer = (id: string, from: number): OfficerDay => ({
  id,
  start: office,
  end: office,
  from,
  until: 1000,
});
const stop = (key: string, km: number, from = 0): [string, Timed] => [
  key,
  {
    key,
    place: at(km),
    minutes: 10,
    premises: 'domestic',
    tradingHours: null,
    appointment: null,
    accompanied: false,
    blocked: new Set(),
    owner: null,
    window: { from, until: 900 },
  },
];
const stops = new Map([stop('a', 5), stop('b', 8, 600), stop('c', 2)]);

describe('schedule', () => {
  it('times each officer’s visits in the order given', () => {
    const [route] = schedule([officer('amy', 500)], stops, [{ officerId: 'amy', keys: ['a', 'b'] }], travel);
    expect(route).toEqual({
      officerId: 'amy',
      leave: 500,
      back: 618,
      travel: 16,
      visits: [
        { key: 'a', start: 505, finish: 515, travel: 5, withOfficer: null },
        { key: 'b', start: 600, finish: 610, travel: 3, withOfficer: null },
      ],
    });
  });

  it('starts a visit two officers make when both are there', () => {
    const routes = schedule(
      [officer('amy', 500), officer('ben', 530)],
      stops,
      [
        { officerId: 'amy', keys: ['c', 'a'] },
        { officerId: 'ben', keys: ['a'] },
      ],
      travel,
    );
    expect(
      routes.map((route) => route.visits.map(({ key, start, withOfficer }) => [key, start, withOfficer])),
    ).toEqual([
      [
        ['c', 502, null],
        ['a', 535, 'ben'],
      ],
      [['a', 535, 'amy']],
    ]);
  });
});
