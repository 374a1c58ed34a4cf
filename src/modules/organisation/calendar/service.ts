import { type Actor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import { can } from '../../../platform/auth/permissions.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import {
  coverageOf,
  isIsoDate,
  listInUse,
  shippedBankHolidays,
  snapshotCoverage,
  type WorkingCalendar,
  workingCalendar,
} from '../../../platform/calendar/working-days.ts';
import { fieldErrorsOf, InvalidInput, NotFound } from '../../../platform/errors.ts';
import type { Task } from '../../../platform/web/tasks.ts';
import type { OrganisationDeps } from '../module-deps.ts';
import { readPolicy } from '../policy-settings/settings.ts';
import { calendarOverrideInput, divisionInput } from './input.ts';
import * as repo from './repository.ts';
import { listEndsSoon, readBankHolidayFile } from './rules.ts';
import type { WorkingRules, WorkingRulesCache } from './working-rules.ts';

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
    calendar: workingCalendar(read.division, read.overrides, listInUse(read.uploaded)),
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

// Replaces the council's copy of GOV.UK's bank holiday list with the file an administrator
// downloaded from GOV.UK, once it has been checked.
export async function replaceBankHolidays({ db, clock }: OrganisationDeps, actor: Actor, text: string) {
  const read = readBankHolidayFile(text);
  if ('problems' in read) throw new InvalidInput(read.problems.map((message) => ({ key: 'file', message })));
  const { personId } = actor;
  if (!personId) throw new Error('A bank holiday list is uploaded by a person');
  const covers = coverageOf(read.list);
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    const before = await repo.uploadedBankHolidays(trx, actor.councilId);
    await repo.saveBankHolidays(trx, actor.councilId, {
      list: read.list,
      coversFrom: covers.from,
      coversTo: covers.to,
      uploadedBy: personId,
      uploadedAt: now,
    });
    await appendAudit(
      trx,
      actor,
      {
        action: 'calendar.bank-holidays-replaced',
        recordType: 'calendar',
        recordId: actor.councilId,
        before: before && { from: before.coversFrom, to: before.coversTo },
        after: { from: covers.from, to: covers.to },
      },
      now,
    );
  });
  return covers;
}

// Which list of bank holidays deadlines are worked out on, what it covers, and whether it is time
// to upload GOV.UK's next one.
export async function bankHolidayListStatus(
  deps: OrganisationDeps,
  kept: WorkingRulesCache,
  councilId: string,
) {
  const [uploaded, rules] = await Promise.all([
    repo.uploadedBankHolidays(deps.db, councilId),
    policyAndCalendar(deps, kept, councilId),
  ]);
  const inUse = rules.calendar.coverage;
  const today = londonDate(deps.clock.now());
  return {
    coverage: inUse,
    shipped: snapshotCoverage(shippedBankHolidays),
    uploaded: uploaded && {
      from: uploaded.coversFrom,
      to: uploaded.coversTo,
      at: uploaded.uploadedAt,
      by: uploaded.uploadedBy,
    },
    uploadedInUse: uploaded !== null && uploaded.coversTo >= snapshotCoverage().to,
    endsSoon: listEndsSoon(inUse, today),
  };
}

// An administrator's home page asks for GOV.UK's next bank holiday list from a year before the one
// in use ends. The rules are those the request was identified with, so this costs no query.
export async function calendarTasksFor(
  deps: OrganisationDeps,
  kept: WorkingRulesCache,
  principal: Principal,
): Promise<Task[]> {
  if (!can(principal.roles, 'calendar:manage')) return [];
  const { calendar } = await policyAndCalendar(
    deps,
    kept,
    principal.councilId,
    principal.councilRulesVersion,
  );
  if (!listEndsSoon(calendar.coverage, londonDate(deps.clock.now()))) return [];
  return [
    {
      module: 'organisation',
      title: 'Upload GOV.UK’s bank holiday list: the one in use is ending',
      count: 1,
      due: calendar.coverage.to,
      href: '/admin/calendar',
      urgency: 'soon',
    },
  ];
}

export function calendarService(deps: OrganisationDeps) {
  const kept: WorkingRulesCache = new Map();
  return {
    // The working-day calendar deadlines are computed on: the council's division, its overrides and
    // the bank holiday list in use.
    calendar: async (councilId: string): Promise<WorkingCalendar> =>
      (await policyAndCalendar(deps, kept, councilId)).calendar,
    bankHolidayListStatus: (councilId: string) => bankHolidayListStatus(deps, kept, councilId),
    calendarTasksFor: (principal: Principal) => calendarTasksFor(deps, kept, principal),
    replaceBankHolidays: (actor: Actor, text: string) => replaceBankHolidays(deps, actor, text),
    policyAndCalendar: (councilId: string, knownVersion?: number) =>
      policyAndCalendar(deps, kept, councilId, knownVersion),
    addCalendarOverride: (actor: Actor, value: unknown) => addCalendarOverride(deps, actor, value),
    removeCalendarOverride: (actor: Actor, date: string) => removeCalendarOverride(deps, actor, date),
    setDivision: (actor: Actor, value: unknown) => setDivision(deps, actor, value),
  };
}
