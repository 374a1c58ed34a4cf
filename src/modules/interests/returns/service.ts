import type { Kysely, Selectable } from 'kysely';
import { actorFor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { isRole, roleNames } from '../../../platform/auth/roles.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { sameCouncil } from '../../../platform/db/same-council.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { Forbidden, InvalidInput } from '../../../platform/errors.ts';
import type { ModuleDeps } from '../../organisation/module-deps.ts';
import { organisationsNamed } from '../declarations/organisations-named.ts';
import { type DeclarationKind, kindRules } from '../declarations/rules.ts';
import type { RelatedPartyReturnTable } from '../tables.ts';
import {
  financialYearOf,
  financialYearStart,
  isRelatedPartyInterest,
  isRelevantOfficer,
  type ReturnInput,
  relatedPartyKinds,
  returnErrors,
} from './rules.ts';

// A declaration as a return lists it, and keeps it once submitted.
type ReturnEntry = {
  declarationId: string;
  reference: string;
  kind: string;
  kindName: string;
  summary: string;
  organisations: string[];
  declaredOn: string;
  endedOn: string | null;
};

type SubmittedReturn = {
  id: string;
  personId: string;
  personName: string;
  jobTitle: string;
  financialYear: number;
  nil: boolean;
  entries: ReturnEntry[];
  transactions: string;
  submittedAt: Date;
};

export type OfficerReturn = {
  personId: string;
  name: string;
  jobTitle: string;
  serviceName: string;
  submitted: SubmittedReturn | null;
};

const toReturn = (row: Selectable<RelatedPartyReturnTable>): SubmittedReturn => ({
  id: row.id,
  personId: row.person_id,
  personName: row.person_name,
  jobTitle: row.job_title,
  financialYear: row.financial_year,
  nil: row.nil,
  entries: row.entries as ReturnEntry[],
  transactions: row.transactions,
  submittedAt: row.submitted_at,
});

// What the audit trail keeps of a return.
const audited = (row: SubmittedReturn) => ({
  financialYear: row.financialYear,
  nil: row.nil,
  entries: row.entries.map((entry) => `${entry.reference}: ${entry.summary}`),
  transactions: row.transactions,
});

export type RelatedPartyReturns = ReturnType<typeof relatedPartyReturns>;

// The related party transactions annual return (001 §48-51): each relevant officer's, and the
// collated return the council gives its external auditor.
export function relatedPartyReturns({ db, clock, organisation }: ModuleDeps) {
  const currentYear = () => financialYearOf(londonDate(clock.now()));

  // Declarations that name a related party and were held at some time in the financial year.
  async function interestsOf(q: Kysely<Database>, councilId: string, personId: string, year: number) {
    const rows = await q
      .selectFrom('declaration as d')
      .select([
        'd.id',
        'd.reference',
        'd.kind',
        'd.summary',
        'd.answers',
        'd.declared_at',
        'd.ended_on',
        organisationsNamed.as('organisations'),
      ])
      .where('d.council_id', '=', councilId)
      .where('d.person_id', '=', personId)
      .where('d.kind', 'in', relatedPartyKinds)
      .where((eb) => eb.or([eb('d.ended_on', 'is', null), eb('d.ended_on', '>=', financialYearStart(year))]))
      .orderBy('d.declared_at')
      .orderBy('d.id')
      .execute();
    return rows
      .filter((row) => isRelatedPartyInterest(row.kind, (row.answers ?? {}) as Record<string, unknown>))
      .map(
        (row): ReturnEntry => ({
          declarationId: row.id,
          reference: row.reference,
          kind: row.kind,
          kindName: kindRules[row.kind as DeclarationKind].name,
          summary: row.summary,
          organisations: row.organisations,
          declaredOn: londonDate(row.declared_at),
          endedOn: row.ended_on,
        }),
      );
  }

  async function submittedBy(q: Kysely<Database>, councilId: string, personId: string, year: number) {
    const row = await q
      .selectFrom('related_party_return')
      .selectAll()
      .where('council_id', '=', councilId)
      .where('person_id', '=', personId)
      .where('financial_year', '=', year)
      .executeTakeFirst();
    return row ? toReturn(row) : null;
  }

  async function relevance(principal: Principal) {
    const { relatedPartyRoles } = await organisation.policy(principal.councilId);
    return {
      relevant: isRelevantOfficer(principal.roles, relatedPartyRoles),
      relevantRoles: relatedPartyRoles.filter(isRole).map((role) => roleNames[role]),
    };
  }

  return {
    currentYear,

    isAsked: async (principal: Principal) => (await relevance(principal)).relevant,

    // The signed-in officer's return for this financial year: whether they are asked for one,
    // what belongs on it, and what they last submitted.
    async mine(principal: Principal) {
      const year = currentYear();
      const { relevant, relevantRoles } = await relevance(principal);
      if (!relevant) return { financialYear: year, relevant, relevantRoles, interests: [], submitted: null };
      const [interests, submitted] = await Promise.all([
        interestsOf(db, principal.councilId, principal.personId, year),
        submittedBy(db, principal.councilId, principal.personId, year),
      ]);
      return { financialYear: year, relevant, relevantRoles, interests, submitted };
    },

    // Submits this year's return, replacing one already submitted; the declarations on it are
    // kept as they stand now.
    async submit(principal: Principal, input: ReturnInput, requestId?: string): Promise<SubmittedReturn> {
      if (!(await relevance(principal)).relevant)
        throw new Forbidden('You are not asked to complete a related party transactions return');
      const now = clock.now();
      const year = financialYearOf(londonDate(now));
      const transactions = input.transactions.replaceAll('\r\n', '\n').trim();
      return db.transaction().execute(async (trx) => {
        const interests = await interestsOf(trx, principal.councilId, principal.personId, year);
        const errors = returnErrors({ nil: input.nil, transactions }, interests.length);
        if (errors.length) throw new InvalidInput(errors);
        const person = await trx
          .selectFrom('person')
          .select(['name', 'job_title'])
          .where('council_id', '=', principal.councilId)
          .where('id', '=', principal.personId)
          .executeTakeFirstOrThrow();
        const before = await submittedBy(trx, principal.councilId, principal.personId, year);
        const values = {
          person_name: person.name,
          job_title: person.job_title,
          nil: input.nil,
          entries: JSON.stringify(interests),
          transactions,
          submitted_at: now,
        };
        const row = await trx
          .insertInto('related_party_return')
          .values({
            council_id: principal.councilId,
            id: uuidv7(now.getTime()),
            person_id: principal.personId,
            financial_year: year,
            ...values,
          })
          .onConflict((oc) => oc.columns(['council_id', 'person_id', 'financial_year']).doUpdateSet(values))
          .returningAll()
          .executeTakeFirstOrThrow();
        const submitted = toReturn(row);
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
    },

    // Every relevant officer's return for a financial year, outstanding first; returns from people
    // who have since left the roles are kept. Seeing others' returns is audited.
    async collated(principal: Principal, year: number, requestId?: string): Promise<OfficerReturn[]> {
      const { councilId } = principal;
      const { relatedPartyRoles } = await organisation.policy(councilId);
      return db.transaction().execute(async (trx) => {
        const people = trx
          .selectFrom('person as p')
          .leftJoin('service as s', sameCouncil('s.id', 'p.service_id'))
          .where('p.council_id', '=', councilId);
        const submitted = await people
          .innerJoin('related_party_return as r', sameCouncil('r.person_id', 'p.id'))
          .selectAll('r')
          .select('s.name as service_name')
          .where('r.financial_year', '=', year)
          .orderBy('r.person_name')
          .orderBy('r.id')
          .execute();
        const relevant = relatedPartyRoles.length
          ? await people
              .select(['p.id', 'p.name', 'p.job_title', 's.name as service_name'])
              .where('p.active', '=', true)
              .where(({ exists, selectFrom }) =>
                exists(
                  selectFrom('person_role as pr')
                    .select('pr.role')
                    .whereRef('pr.council_id', '=', 'p.council_id')
                    .whereRef('pr.person_id', '=', 'p.id')
                    .where('pr.role', 'in', relatedPartyRoles),
                ),
              )
              .orderBy('p.name')
              .orderBy('p.id')
              .execute()
          : [];
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
        const returned = new Set(submitted.map((row) => row.person_id));
        return [
          ...relevant
            .filter((person) => !returned.has(person.id))
            .map((person) => ({
              personId: person.id,
              name: person.name,
              jobTitle: person.job_title,
              serviceName: person.service_name ?? '',
              submitted: null,
            })),
          ...submitted.map((row) => ({
            personId: row.person_id,
            name: row.person_name,
            jobTitle: row.job_title,
            serviceName: row.service_name ?? '',
            submitted: toReturn(row),
          })),
        ];
      });
    },
  };
}
