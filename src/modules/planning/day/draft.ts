import { actorFor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { type FieldError, InvalidInput } from '../../../platform/errors.ts';
import type { PlannableCase, PlanningDeps } from '../context.ts';
import { checkDay } from './check.ts';
import { minuteOf } from './clock.ts';
import { dayPoints, factsOf, travelBetween } from './facts.ts';
import type { DayForm } from './input.ts';
import { planDay } from './plan.ts';
import * as repo from './repository.ts';
import type { Point, Unplanned } from './rules.ts';

// A team's day planned in one go: the enforcement cases allocated to the chosen officers that may
// be visited that day, placed from the gazetteer, screened by the visits checks (a flagged address
// needs two officers; an officer's declared relative or friend keeps them away), and routed.

const refuse = (key: string, message: string) => new InvalidInput([{ key, message }]);

async function officersOf(deps: PlanningDeps, principal: Principal, form: DayForm) {
  const staff = await deps.visits.staff(principal);
  const byId = new Map(staff.officers.map((officer) => [officer.id, officer]));
  const problems: FieldError[] = [];
  if (form.officerIds.some((id) => !byId.has(id)))
    problems.push({ key: 'officerIds', message: 'Choose officers from your team' });
  if (!staff.responsibleOfficers.some((person) => person.id === form.responsibleOfficerId))
    problems.push({ key: 'responsibleOfficerId', message: 'Choose the responsible officer from the list' });
  if (form.planDate < londonDate(deps.clock.now()))
    problems.push({ key: 'planDate', message: 'The day to plan must be today or later' });
  const taken = await deps.visits.officersWithPlans(principal.councilId, form.planDate, form.officerIds);
  if (taken.length)
    problems.push({
      key: 'officerIds',
      message: `${taken.map((id) => byId.get(id)?.name).join(', ')} already ${taken.length > 1 ? 'have plans' : 'has a plan'} that day: change ${taken.length > 1 ? 'those plans' : 'that plan'} instead`,
    });
  if (problems.length) throw new InvalidInput(problems);
  return form.officerIds.map((id) => ({ id, name: byId.get(id)?.name ?? '' }));
}

async function officePlace(deps: PlanningDeps, councilId: string, form: DayForm): Promise<Point> {
  const [office] = await deps.sources.locate(councilId, [
    { uprn: null, address: form.officeAddress, postcode: form.officePostcode },
  ]);
  if (!office || 'notFound' in office)
    throw refuse('officeAddress', office?.notFound ?? 'The office was not found');
  return office;
}

const hhmmMinutes = (time: string | undefined) => (time ? minuteOf(time) : 0);

// Each case placed and screened; those the gazetteer cannot place are unplanned with its reason.
async function screened(
  deps: PlanningDeps,
  councilId: string,
  cases: PlannableCase[],
  officerIds: string[],
  minutes: number,
) {
  const places = await deps.sources.locate(councilId, cases);
  const unplanned: Unplanned[] = [];
  const stops: repo.StoredStop[] = [];
  for (const [index, found] of places.entries()) {
    const item = cases[index] as PlannableCase;
    if ('notFound' in found) {
      unplanned.push({ key: item.caseId, reason: found.notFound });
      continue;
    }
    const party = { address: `${item.address}, ${item.postcode}`, personName: item.debtorName };
    const [cautions, links] = await Promise.all([
      deps.visits.cautionsAt(councilId, party),
      Promise.all(
        officerIds.map((id) =>
          deps.visits.personalLinks(councilId, id, {
            name: item.debtorName,
            address: party.address,
            accountRef: item.accountRef,
          }),
        ),
      ),
    ]);
    stops.push({
      key: item.caseId,
      caseId: item.caseId,
      reference: item.reference,
      accountRef: item.accountRef,
      debtorName: item.debtorName,
      address: item.address,
      postcode: item.postcode,
      place: { latitude: found.latitude, longitude: found.longitude },
      minutes,
      premises: item.premises,
      tradingHours: item.tradingHours,
      appointment: item.appointment
        ? { from: hhmmMinutes(item.appointment.from), until: hhmmMinutes(item.appointment.until) }
        : null,
      accompanied: cautions.length > 0,
      cautions: cautions.map((caution) => caution.kindName),
      blocked: officerIds.filter((_, k) => (links[k]?.length ?? 0) > 0),
      owner: item.agentId,
    });
  }
  return { stops, unplanned };
}

// Each officer's start, end and hours: the office and the team's hours, or their own.
async function officerDays(
  deps: PlanningDeps,
  councilId: string,
  form: DayForm,
  people: { id: string; name: string }[],
) {
  const office = await officePlace(deps, councilId, form);
  const officeLabel = `${form.officeAddress}, ${form.officePostcode}`;
  const own = new Map(form.own.map((entry) => [entry.officerId, entry]));
  const homes = form.own.filter((entry) => entry.startAddress);
  const found = await deps.sources.locate(
    councilId,
    homes.map((entry) => ({ uprn: null, address: entry.startAddress, postcode: entry.startPostcode })),
  );
  const problems: FieldError[] = [];
  const startOf = new Map<string, { place: Point; label: string }>();
  homes.forEach((entry, k) => {
    const place = found[k];
    if (!place || 'notFound' in place)
      problems.push({
        key: `startAddress-${entry.officerId}`,
        message: place?.notFound ?? 'The address was not found',
      });
    else startOf.set(entry.officerId, { place, label: `${entry.startAddress}, ${entry.startPostcode}` });
  });
  const officers = people.map((person) => {
    const start = startOf.get(person.id) ?? { place: office, label: officeLabel };
    const from = minuteOf(own.get(person.id)?.from || form.from);
    const until = minuteOf(own.get(person.id)?.until || form.until);
    if (until <= from)
      problems.push({
        key: `until-${person.id}`,
        message: `${person.name}’s working day must end after it starts`,
      });
    return {
      ...person,
      start: start.place,
      end: start.place,
      startLabel: start.label,
      endLabel: start.label,
      from,
      until,
    };
  });
  if (problems.length) throw new InvalidInput(problems);
  return officers;
}

export async function draftDay(deps: PlanningDeps, principal: Principal, form: DayForm, requestId?: string) {
  const { councilId } = principal;
  const people = await officersOf(deps, principal, form);
  const officers = await officerDays(deps, councilId, form, people);
  const cases = await deps.sources.plannable(councilId, { agentIds: form.officerIds, date: form.planDate });
  const { stops, unplanned } = await screened(deps, councilId, cases, form.officerIds, form.minutes);
  const office = { address: form.officeAddress, postcode: form.officePostcode };
  const day: repo.Day = { officers, stops, minutes: form.minutes, office };
  const settings = await deps.organisation.policy(councilId);
  const travel = await travelBetween(deps, councilId, dayPoints(day));
  const planned = await planDay({
    date: form.planDate,
    officers,
    stops: stops.map((stop) => ({ ...stop, blocked: new Set(stop.blocked) })),
    settings,
    // The day's travel is asked of the council's source once, for the solver and the checks alike.
    travelSeconds: async (points) => points.flatMap((a) => points.map((b) => travel(a, b) * 60)),
    timeLimitMs: deps.searchMs,
  });
  const problems = checkDay(planned, factsOf(day, form.planDate, settings, travel));
  const now = deps.clock.now();
  const proposal = {
    councilId,
    id: uuidv7(now.getTime()),
    planDate: form.planDate,
    responsibleOfficerId: form.responsibleOfficerId,
    day,
    routed: { routes: planned.routes, problems },
    unplanned: [...unplanned, ...planned.unplanned],
    createdBy: principal.personId,
    createdAt: now,
  };
  await deps.db.transaction().execute(async (trx) => {
    await repo.insert(trx, proposal);
    await appendAudit(
      trx,
      actorFor(principal, requestId),
      {
        action: 'route-proposal.create',
        recordType: 'route-proposal',
        recordId: proposal.id,
        after: {
          planDate: form.planDate,
          officerIds: form.officerIds,
          visits: stops.length,
          unplanned: proposal.unplanned.length,
        },
      },
      now,
    );
  });
  return proposal.id;
}
