import { actorFor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { InvalidInput, NotFound } from '../../../platform/errors.ts';
import type { ModuleDeps } from '../../organisation/service.ts';
import { noNoticeYet } from '../../visits/service.ts';
import { assertManagesEnforcement, calendarOf, caseFor, type EnforcementDeps, viewerOf } from '../context.ts';
import { type EnforcementViewer, managesEnforcement } from '../policy.ts';
import { checkNewCase } from './input.ts';
import * as repo from './repository.ts';
import { earliestTakingControl, noticeExpiredBy } from './rules.ts';

// Enforcement cases: created by a team leader (form or API), allocated to an agent, the notice of
// enforcement recorded; the planner's view of the cases that may be visited to take control.

export type PlannableCase = {
  caseId: string;
  reference: string;
  accountRef: string;
  debtorName: string;
  address: string;
  postcode: string;
  uprn: string | null;
  agentId: string;
  premises: 'domestic' | 'business';
  tradingHours: { from: string; until: string } | null;
  // HH:MM on the date asked about, when the appointment promised is that day.
  appointment: { from: string; until: string } | null;
};

// An agent: an active person with the field officer role in the council [004: certificated agents].
// An agent is a field officer the team leader manages.
export async function checkAgent(
  deps: Pick<ModuleDeps, 'organisation'>,
  councilId: string,
  viewer: EnforcementViewer,
  agentId: string,
) {
  const agents = await deps.organisation.peopleWithRole(councilId, 'field-officer');
  const agent = agents.find(
    (person) => person.id === agentId && person.active && viewer.reportIds.has(person.id),
  );
  if (!agent)
    throw new InvalidInput([
      { key: 'agentId', message: 'Choose an active enforcement agent (a field officer) in your team' },
    ]);
  return agent;
}

export async function createCase(
  deps: EnforcementDeps,
  principal: Principal,
  input: repo.NewCase,
  requestId?: string,
) {
  const viewer = await assertManagesEnforcement(deps, principal);
  const now = deps.clock.now();
  const made = checkNewCase(input, londonDate(now));
  if (made.agentId) await checkAgent(deps, principal.councilId, viewer, made.agentId);
  const id = uuidv7(now.getTime());
  return deps.db.transaction().execute(async (trx) => {
    const reference = await repo.nextReference(trx, principal.councilId, Number(londonDate(now).slice(0, 4)));
    const row = await repo.insertCase(trx, {
      ...made,
      councilId: principal.councilId,
      id,
      reference,
      status: 'open',
      by: principal.personId,
      at: now,
    });
    if (!row)
      throw new InvalidInput([
        { key: 'accountRef', message: `Account ${made.accountRef} already has an enforcement case` },
      ]);
    await appendAudit(
      trx,
      actorFor(principal, requestId),
      { action: 'enforcement-case.created', recordType: 'enforcement_case', recordId: id, after: row },
      now,
    );
    return { id, reference };
  });
}

// A team leader's change to a case, locked, checked and audited in one transaction.
async function changeCase(
  deps: EnforcementDeps,
  principal: Principal,
  id: string,
  change: {
    action: string;
    check?: (before: repo.EnforcementCase) => void;
    set: Parameters<typeof repo.updateCase>[3];
    shown: (found: repo.EnforcementCase) => Record<string, unknown>;
    after: Record<string, unknown>;
  },
  requestId?: string,
) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const before = await caseFor(deps, principal, id, 'manage', trx);
    change.check?.(before);
    await repo.updateCase(trx, principal.councilId, id, change.set, now);
    await appendAudit(
      trx,
      actorFor(principal, requestId),
      {
        action: change.action,
        recordType: 'enforcement_case',
        recordId: id,
        before: change.shown(before),
        after: change.after,
      },
      now,
    );
  });
}

export async function allocate(
  deps: EnforcementDeps,
  principal: Principal,
  id: string,
  agentId: string,
  requestId?: string,
) {
  await caseFor(deps, principal, id, 'manage');
  await checkAgent(deps, principal.councilId, await viewerOf(deps, principal), agentId);
  await changeCase(
    deps,
    principal,
    id,
    {
      action: 'enforcement-case.allocated',
      set: { agent_id: agentId },
      shown: (found) => ({ agentId: found.agentId }),
      after: { agentId },
    },
    requestId,
  );
}

// The day the notice of enforcement was given; the 7 clear days count from it.
export async function recordNotice(
  deps: EnforcementDeps,
  principal: Principal,
  id: string,
  noticeOn: string,
  requestId?: string,
) {
  if (noticeOn > londonDate(deps.clock.now()))
    throw new InvalidInput([{ key: 'noticeOn', message: 'The notice cannot be given in the future' }]);
  await caseFor(deps, principal, id, 'manage');
  const check = (before: repo.EnforcementCase) => {
    if (noticeOn < before.liabilityOrderOn)
      throw new InvalidInput([
        { key: 'noticeOn', message: 'The notice cannot be given before the liability order' },
      ]);
  };
  await changeCase(
    deps,
    principal,
    id,
    {
      action: 'enforcement-case.notice',
      check,
      set: { notice_on: noticeOn },
      shown: (found) => ({ noticeOn: found.noticeOn }),
      after: { noticeOn },
    },
    requestId,
  );
}

// The council's cases for a team leader; an agent's own otherwise.
// The cases the person may see: a team leader's agents' and the unallocated; an agent's own.
export async function listCases(deps: EnforcementDeps, principal: Principal, filter: repo.CaseFilter) {
  const viewer = await viewerOf(deps, principal);
  const manages = managesEnforcement(viewer);
  if (manages) {
    const team = [...viewer.reportIds];
    if (filter.agentId && !viewer.reportIds.has(filter.agentId)) return { cases: [], manages };
    return { cases: await repo.listCases(deps.db, principal.councilId, filter, { agents: team }), manages };
  }
  if (filter.agentId && filter.agentId !== principal.personId) return { cases: [], manages };
  return {
    cases: await repo.listCases(deps.db, principal.councilId, { ...filter, agentId: principal.personId }),
    manages,
  };
}

// The first day goods may be taken into control on an enforcement account; null when the account
// is not an enforcement case. With no notice given yet, none may be planned: visits' noNoticeYet.
export async function takingControlFrom(deps: EnforcementDeps, councilId: string, accountRef: string) {
  const found = await repo.caseOfAccount(deps.db, councilId, accountRef);
  if (!found) return null;
  if (!found.noticeOn) return noNoticeYet;
  return earliestTakingControl(found.noticeOn, await calendarOf(deps, councilId));
}

// The cases allocated to these agents that may be visited to take control on `date`.
export async function plannable(
  deps: EnforcementDeps,
  councilId: string,
  input: { agentIds: string[]; date: string },
): Promise<PlannableCase[]> {
  const calendar = await calendarOf(deps, councilId);
  const cases = (await repo.visitableCases(deps.db, councilId, input.agentIds)).filter((found) =>
    noticeExpiredBy(found.noticeOn, input.date, calendar),
  );
  const held = await Promise.all(cases.map((found) => deps.visits.recoveryHeld(councilId, found.accountRef)));
  return cases
    .filter((_, index) => held[index] === null)
    .map((found) => ({
      caseId: found.id,
      reference: found.reference,
      accountRef: found.accountRef,
      debtorName: found.debtorName,
      address: found.address,
      postcode: found.postcode,
      uprn: found.uprn,
      agentId: found.agentId ?? '',
      premises: found.premises,
      tradingHours: found.tradingHours,
      appointment:
        found.appointment && found.appointment.on === input.date
          ? { from: found.appointment.from, until: found.appointment.until }
          : null,
    }));
}

export const noSuchCase = () => new NotFound('No such enforcement case');
