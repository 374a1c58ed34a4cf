import { type ConflictLink, type HoursSettings, visitReadiness } from '../../visits/service.ts';
import { instantOn, timeOfDay } from './clock.ts';
import type { DayPlan, OfficerDay, Point, Route, Stop } from './rules.ts';
import { tradingWindow, visitTiming } from './windows.ts';

// A day plan held to the rules on its own, apart from the solver that made it: the same checks
// every visit on a plan gets (hours and daylight, two officers at a flagged address, no relative
// or friend), the officer's working hours, travel time between stops, any appointment, both
// officers at an accompanied visit at one time, and every visit planned once or listed unplanned.
// Team leader advice for a flagged address is asked for when the plans are made, not here.

export type DayFacts = {
  date: string;
  officers: readonly OfficerDay[];
  stops: ReadonlyMap<string, Stop & { address: string }>;
  settings: HoursSettings;
  travel: (from: Point, to: Point) => number;
  linksFor: (officerId: string, stopKey: string) => readonly ConflictLink[];
};

export type Problem = { officerId: string | null; stopKey: string | null; message: string };

export function checkDay(plan: DayPlan, facts: DayFacts): Problem[] {
  const problems = plan.routes.flatMap((route) => checkRoute(route, facts));
  return [...problems, ...coverage(plan, facts)];
}

function checkRoute(route: Route, facts: DayFacts): Problem[] {
  const officer = facts.officers.find((candidate) => candidate.id === route.officerId);
  if (!officer) return [{ officerId: route.officerId, stopKey: null, message: 'Not an officer of this day' }];
  const problems: Problem[] = [];
  const say = (stopKey: string | null, message: string) =>
    problems.push({ officerId: officer.id, stopKey, message });
  if (route.visits.length === 0) return problems;
  if (route.leave < officer.from)
    say(null, `Leaves at ${timeOfDay(route.leave)}, before their working day starts`);
  let free = route.leave;
  let at = officer.start;
  for (const visit of route.visits) {
    const stop = facts.stops.get(visit.key);
    if (!stop) {
      say(visit.key, 'Not a visit of this day');
      continue;
    }
    const arrive = free + facts.travel(at, stop.place);
    if (visit.start < arrive)
      say(
        visit.key,
        `${stop.address}: starts at ${timeOfDay(visit.start)}, before the officer can get there (${timeOfDay(arrive)})`,
      );
    if (visit.finish - visit.start < stop.minutes)
      say(visit.key, `${stop.address}: shorter than the ${stop.minutes} minutes it needs`);
    const appointment = stop.appointment;
    if (appointment && (visit.start < appointment.from || visit.start > appointment.until))
      say(
        visit.key,
        `${stop.address}: the appointment is ${timeOfDay(appointment.from)} to ${timeOfDay(appointment.until)}`,
      );
    const open = tradingWindow(stop);
    if (visit.start < open.from || visit.finish > open.until)
      say(visit.key, `${stop.address}: outside the business’s trading hours`);
    for (const message of visitRules(visit, stop, officer.id, facts))
      say(visit.key, `${stop.address}: ${message}`);
    free = visit.finish;
    at = stop.place;
  }
  const home = free + facts.travel(at, officer.end);
  if (home > officer.until)
    say(null, `Back at ${timeOfDay(home)}, after their working day ends at ${timeOfDay(officer.until)}`);
  return problems;
}

// The checks of the visits module, as a visit made from this plan will have them.
function visitRules(
  visit: Route['visits'][number],
  stop: Stop,
  officerId: string,
  facts: DayFacts,
): string[] {
  const readiness = visitReadiness({
    timing: { ...visitTiming(stop, facts.date, visit.start), finish: instantOn(facts.date)(visit.finish) },
    settings: facts.settings,
    authorisedById: null,
    markers: stop.accompanied ? [{ kind: 'other' }] : [],
    secondOfficerId: visit.withOfficer,
    advice: stop.accompanied ? 'asked for when the plans are made' : null,
    links: facts.linksFor(officerId, stop.key),
  });
  return readiness.blockers.map((blocker) => blocker.reason);
}

function coverage(plan: DayPlan, facts: DayFacts): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, { officerId: string; start: number }[]>();
  for (const route of plan.routes)
    for (const visit of route.visits)
      seen.set(visit.key, [
        ...(seen.get(visit.key) ?? []),
        { officerId: route.officerId, start: visit.start },
      ]);
  const unplanned = new Set(plan.unplanned.map((entry) => entry.key));
  for (const [key, stop] of facts.stops) {
    const made = seen.get(key) ?? [];
    const say = (message: string) =>
      problems.push({ officerId: null, stopKey: key, message: `${stop.address}: ${message}` });
    if (made.length === 0 && !unplanned.has(key)) say('neither planned nor listed as unplanned');
    if (made.length > 0 && unplanned.has(key)) say('both planned and listed as unplanned');
    const wanted = stop.accompanied ? 2 : 1;
    if (made.length > 0 && made.length !== wanted)
      say(`planned for ${made.length} officers, needs ${wanted}`);
    if (made.length === 2 && (made[0]?.officerId === made[1]?.officerId || made[0]?.start !== made[1]?.start))
      say('the two officers are not there together');
    for (const other of made.filter(
      (entry, k) => made.findIndex((e) => e.officerId === entry.officerId) !== k,
    ))
      say(`planned twice for one officer (${other.officerId})`);
  }
  return problems;
}
