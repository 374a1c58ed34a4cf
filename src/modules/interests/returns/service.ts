import { actorFor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { isRole, roleNames } from '../../../platform/auth/roles.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { Forbidden, InvalidInput, NotFound } from '../../../platform/errors.ts';
import type { ModuleDeps, OrganisationService } from '../../organisation/service.ts';
import * as repo from './repository.ts';
import { financialYearOf, isRelevantOfficer, type ReturnInput, returnErrors } from './rules.ts';

export type OfficerReturn = {
  personId: string;
  name: string;
  jobTitle: string;
  serviceName: string;
  submitted: repo.SubmittedReturn | null;
};

type Deps = Pick<ModuleDeps, 'db' | 'clock'> & {
  organisation: Pick<OrganisationService, 'policy' | 'person' | 'peopleWithIds' | 'peopleWithAnyRole'>;
};

// What the audit trail keeps of a return.
const audited = (row: repo.SubmittedReturn) => ({
  financialYear: row.financialYear,
  nil: row.nil,
  entries: row.entries.map((entry) => `${entry.reference}: ${entry.summary}`),
  transactions: row.transactions,
});

const currentYear = ({ clock }: Deps) => financialYearOf(londonDate(clock.now()));

async function relevance({ organisation }: Deps, principal: Principal) {
  const { relatedPartyRoles } = await organisation.policy(principal.councilId);
  return {
    relevant: isRelevantOfficer(principal.roles, relatedPartyRoles),
    relevantRoles: relatedPartyRoles.filter(isRole).map((role) => roleNames[role]),
  };
}

// The signed-in officer's return for this financial year: whether they are asked for one, what
// belongs on it, and what they last submitted.
async function mine(deps: Deps, principal: Principal) {
  const year = currentYear(deps);
  const { relevant, relevantRoles } = await relevance(deps, principal);
  if (!relevant) return { financialYear: year, relevant, relevantRoles, interests: [], submitted: null };
  const [interests, submitted] = await Promise.all([
    repo.interestsOf(deps.db, principal.councilId, principal.personId, year),
    repo.submittedBy(deps.db, principal.councilId, principal.personId, year),
  ]);
  return { financialYear: year, relevant, relevantRoles, interests, submitted };
}

// Submits this year's return, replacing one already submitted; the declarations on it are kept
// as they stand now.
async function submit(deps: Deps, principal: Principal, input: ReturnInput, requestId?: string) {
  const { db, clock, organisation } = deps;
  if (!(await relevance(deps, principal)).relevant)
    throw new Forbidden('You are not asked to complete a related party transactions return');
  const person = await organisation.person(principal.councilId, principal.personId);
  if (!person) throw new NotFound('No such person');
  const now = clock.now();
  const year = financialYearOf(londonDate(now));
  const transactions = input.transactions.replaceAll('\r\n', '\n').trim();
  return db.transaction().execute(async (trx) => {
    const interests = await repo.interestsOf(trx, principal.councilId, principal.personId, year);
    const errors = returnErrors({ nil: input.nil, transactions }, interests.length);
    if (errors.length) throw new InvalidInput(errors);
    const before = await repo.submittedBy(trx, principal.councilId, principal.personId, year);
    const submitted = await repo.saveReturn(trx, principal.councilId, {
      personId: principal.personId,
      personName: person.name,
      jobTitle: person.jobTitle,
      financialYear: year,
      nil: input.nil,
      entries: interests,
      transactions,
      submittedAt: now,
    });
    await appendAudit(
      trx,
      actorFor(principal, requestId),
      {
        action: before ? 'related-party-return.resubmitted' : 'related-party-return.submitted',
        recordType: 'related-party-return',
        recordId: submitted.id,
        before: before ? audited(before) : undefined,
        after: audited(submitted),
      },
      now,
    );
    return submitted;
  });
}

// Every relevant officer's return for a financial year, outstanding first; returns from people
// who have since left the roles are kept. Seeing others' returns is audited.
async function collated(deps: Deps, principal: Principal, year: number, requestId?: string) {
  const { db, clock, organisation } = deps;
  const { councilId } = principal;
  const { relatedPartyRoles } = await organisation.policy(councilId);
  const relevant = await organisation.peopleWithAnyRole(councilId, relatedPartyRoles);
  const submitted = await db.transaction().execute(async (trx) => {
    const returns = await repo.submittedFor(trx, councilId, year);
    await appendAudit(
      trx,
      actorFor(principal, requestId),
      {
        action: 'related-party-returns.viewed',
        recordType: 'related-party-return',
        after: { financialYear: year },
      },
      clock.now(),
    );
    return returns;
  });
  // Each officer's service as it is now.
  const submitters = new Map(
    (
      await organisation.peopleWithIds(
        councilId,
        submitted.map((row) => row.personId),
      )
    ).map((person) => [person.id, person]),
  );
  const returned = new Set(submitted.map((row) => row.personId));
  return [
    ...relevant
      .filter((person) => !returned.has(person.id))
      .map((person) => ({
        personId: person.id,
        name: person.name,
        jobTitle: person.jobTitle,
        serviceName: person.serviceName ?? '',
        submitted: null,
      })),
    ...submitted
      .filter((row) => submitters.has(row.personId))
      .map((row) => ({
        personId: row.personId,
        name: row.personName,
        jobTitle: row.jobTitle,
        serviceName: submitters.get(row.personId)?.serviceName ?? '',
        submitted: row,
      })),
  ];
}

export type RelatedPartyReturns = ReturnType<typeof relatedPartyReturns>;

// The related party transactions annual return (001 §48-51): each relevant officer's, and the
// collated return the council gives its external auditor.
export function relatedPartyReturns(deps: Deps) {
  return {
    currentYear: () => currentYear(deps),
    isAsked: async (principal: Principal) => (await relevance(deps, principal)).relevant,
    mine: (principal: Principal) => mine(deps, principal),
    submit: (principal: Principal, input: ReturnInput, requestId?: string) =>
      submit(deps, principal, input, requestId),
    collated: (principal: Principal, year: number, requestId?: string): Promise<OfficerReturn[]> =>
      collated(deps, principal, year, requestId),
  };
}
