import { solveInWorker } from '../../../platform/routing/solve-in-worker.ts';
import type { HoursSettings } from '../../visits/service.ts';
import {
  type DayPlan,
  layout,
  minutesMatrix,
  type OfficerDay,
  type Point,
  readDay,
  type Stop,
  type Timed,
} from './rules.ts';
import { allowedStarts } from './windows.ts';

// Plans a team's day: each visit's starting minutes from the hours rules, the routing problem
// solved on a worker thread within the time given, and the routes read back as times.

export type PlanInput = {
  date: string;
  officers: readonly OfficerDay[];
  stops: readonly Stop[];
  settings: HoursSettings;
  /** Travel seconds between any two of the points, row-major. */
  travelSeconds: (points: Point[]) => Promise<ArrayLike<number>>;
  timeLimitMs: number;
  seed?: number;
};

const noTime = 'It cannot start at any time the hours rules allow within the officers’ working hours';

export async function planDay(input: PlanInput): Promise<DayPlan> {
  const { date, officers, settings } = input;
  if (officers.length === 0) throw new RangeError('A day plan needs at least one officer');
  const day = {
    date,
    from: Math.min(...officers.map((officer) => officer.from)),
    until: Math.max(...officers.map((officer) => officer.until)),
  };
  const timed: Timed[] = [];
  const unplanned: DayPlan['unplanned'] = [];
  for (const stop of input.stops) {
    const window = allowedStarts(stop, day, settings);
    if (window) timed.push({ ...stop, window });
    else unplanned.push({ key: stop.key, reason: noTime });
  }
  const shape = layout(officers, timed);
  const matrix = minutesMatrix(await input.travelSeconds(shape.points));
  const solution = await solveInWorker(
    { ...shape.problem, matrix },
    { timeLimitMs: input.timeLimitMs, seed: input.seed ?? 1 },
  );
  const plan = readDay(officers, timed, { layout: shape, matrix, solution });
  return { routes: plan.routes, unplanned: [...unplanned, ...plan.unplanned] };
}
