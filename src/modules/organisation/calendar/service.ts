import { type Actor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import { isIsoDate, type WorkingCalendar, workingCalendar } from '../../../platform/calendar/working-days.ts';
import { fieldErrorsOf, InvalidInput, NotFound } from '../../../platform/errors.ts';
import type { OrganisationDeps } from '../module-deps.ts';
import { readPolicy } from '../policy-settings/settings.ts';
import { calendarOverrideInput, divisionInput } from './input.ts';
import * as repo from './repository.ts';
import type { WorkingRules, WorkingRulesCache } from './working-rules.ts';

// The working-day calendar deadlines are computed on: the council's division and its overrides.
export async function calendar({ db }: OrganisationDeps, councilId: string): Promise<WorkingCalendar> {
  const division = await repo.councilDivision(db, councilId);
  return workingCalendar(division, await repo.listCalendarOverrides(db, councilId));
}

// The policy and the calendar at once, for pages that need them on every request. Given the version
// of the council's rules that the request was identified with (Principal.councilRulesVersion), the
// rules last read are kept while it is the same; otherwise they are read, and worked out again only
// when they have changed. What is returned is shared, so it is not to be changed.
export async function policyAndCalendar(
  { db }: OrganisationDeps,
  kept: WorkingRulesCache,
  councilId: string,
  knownVersion?: number,
): Promise<WorkingRules> {
  const held = kept.get(councilId);
  if (held && held.version === knownVersion) return held.rules;
  const { text, version } = await repo.readWorkingRules(db, councilId);
  if (held?.version === version) return held.rules;
  const read = repo.parseWorkingRules(text);
  const rules = {
    policy: readPolicy(read.settings),
    calendar: workingCalendar(read.division, read.overrides),
  };
  if (kept.size >= 1000) kept.clear();
  kept.set(councilId, { version, rules });
  return rules;
}

export async function addCalendarOverride({ db, clock }: OrganisationDeps, actor: Actor, value: unknown) {
  const parsed = calendarOverrideInput.safeParse(value);
  if (!parsed.success) throw new InvalidInput(fieldErrorsOf(parsed.error.issues));
  const override = parsed.data;
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    await repo.upsertCalendarOverride(trx, actor.councilId, override);
    await appendAudit(
      trx,
      actor,
      { action: 'calendar.override-set', recordType: 'calendar', recordId: override.date, after: override },
      now,
    );
  });
}

export async function removeCalendarOverride({ db, clock }: OrganisationDeps, actor: Actor, date: string) {
  if (!isIsoDate(date)) throw new NotFound('No such calendar override'); // no day, no override
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    if (!(await repo.deleteCalendarOverride(trx, actor.councilId, date)))
      throw new NotFound('No such calendar override');
    await appendAudit(
      trx,
      actor,
      { action: 'calendar.override-removed', recordType: 'calendar', recordId: date },
      now,
    );
  });
}

export async function setDivision({ db, clock }: OrganisationDeps, actor: Actor, value: unknown) {
  const parsed = divisionInput.safeParse(value);
  if (!parsed.success) throw new InvalidInput(fieldErrorsOf(parsed.error.issues));
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    const before = await repo.councilDivision(trx, actor.councilId);
    await repo.setCouncilDivision(trx, actor.councilId, parsed.data.division);
    await appendAudit(
      trx,
      actor,
      {
        action: 'calendar.division-set',
        recordType: 'calendar',
        recordId: actor.councilId,
        before: { division: before },
        after: parsed.data,
      },
      now,
    );
  });
}

export function calendarService(deps: OrganisationDeps) {
  const kept: WorkingRulesCache = new Map();
  return {
    calendar: (councilId: string) => calendar(deps, councilId),
    policyAndCalendar: (councilId: string, knownVersion?: number) =>
      policyAndCalendar(deps, kept, councilId, knownVersion),
    addCalendarOverride: (actor: Actor, value: unknown) => addCalendarOverride(deps, actor, value),
    removeCalendarOverride: (actor: Actor, date: string) => removeCalendarOverride(deps, actor, date),
    setDivision: (actor: Actor, value: unknown) => setDivision(deps, actor, value),
  };
}
