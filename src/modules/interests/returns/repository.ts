import type { Kysely, Selectable } from 'kysely';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { organisationsNamed } from '../declarations/organisations-named.ts';
import { type DeclarationKind, kindRules } from '../declarations/rules.ts';
import type { RelatedPartyReturnTable } from '../tables.ts';
import { financialYearStart, isRelatedPartyInterest, relatedPartyKinds } from './rules.ts';

// A declaration as a return lists it, and keeps it once submitted.
export type ReturnEntry = {
  declarationId: string;
  reference: string;
  kind: string;
  kindName: string;
  summary: string;
  organisations: string[];
  declaredOn: string;
  endedOn: string | null;
};

export type SubmittedReturn = {
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

// Declarations that name a related party and were held at some time in the financial year.
export async function interestsOf(q: Kysely<Database>, councilId: string, personId: string, year: number) {
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

export async function submittedBy(q: Kysely<Database>, councilId: string, personId: string, year: number) {
  const row = await q
    .selectFrom('related_party_return')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('person_id', '=', personId)
    .where('financial_year', '=', year)
    .executeTakeFirst();
  return row ? toReturn(row) : null;
}

// Every return submitted for a financial year, by the name on it.
export async function submittedFor(q: Kysely<Database>, councilId: string, year: number) {
  const rows = await q
    .selectFrom('related_party_return')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('financial_year', '=', year)
    .orderBy('person_name')
    .orderBy('id')
    .execute();
  return rows.map(toReturn);
}

export type NewReturn = Omit<SubmittedReturn, 'id'>;

// A person's return for the year, replacing one they submitted before.
export async function saveReturn(q: Kysely<Database>, councilId: string, submitted: NewReturn) {
  const values = {
    person_name: submitted.personName,
    job_title: submitted.jobTitle,
    nil: submitted.nil,
    entries: JSON.stringify(submitted.entries),
    transactions: submitted.transactions,
    submitted_at: submitted.submittedAt,
  };
  const row = await q
    .insertInto('related_party_return')
    .values({
      council_id: councilId,
      id: uuidv7(submitted.submittedAt.getTime()),
      person_id: submitted.personId,
      financial_year: submitted.financialYear,
      ...values,
    })
    .onConflict((oc) => oc.columns(['council_id', 'person_id', 'financial_year']).doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toReturn(row);
}
