import { type Kysely, sql } from 'kysely';
import type { BankHolidayList, Division } from '../../../platform/calendar/working-days.ts';
import { sameCouncil } from '../../../platform/db/same-council.ts';
import type { Database } from '../../../platform/db/schema.ts';

export async function councilDivision(db: Kysely<Database>, councilId: string): Promise<Division> {
  const row = await db
    .selectFrom('council')
    .select('division')
    .where('council_id', '=', councilId)
    .executeTakeFirstOrThrow();
  return row.division as Division;
}

export async function setCouncilDivision(db: Kysely<Database>, councilId: string, division: Division) {
  await db.updateTable('council').set({ division }).where('council_id', '=', councilId).execute();
}

type OverrideRow = { day: string; kind: string; title: string };

const asOverrides = (rows: readonly OverrideRow[]) =>
  rows.map((row) => ({
    date: row.day,
    kind: row.kind === 'working-day' ? ('working-day' as const) : ('holiday' as const),
    title: row.title,
  }));

export async function listCalendarOverrides(db: Kysely<Database>, councilId: string) {
  const rows = await db
    .selectFrom('calendar_override')
    .select(['day', 'kind', 'title'])
    .where('council_id', '=', councilId)
    .orderBy('day')
    .execute();
  return asOverrides(rows);
}

// The division, the policy settings and the calendar overrides in one round trip, for pages that
// work out deadlines on every request; as text, so that what is read from them can be kept for
// as long as the text is the same.
export async function readWorkingRules(db: Kysely<Database>, councilId: string) {
  const { rows } = await sql<{ text: string; version: number }>`
    select c.rules_version as version, c.division || chr(10) || coalesce((select p.settings::text from council_policy p
        where p.council_id = c.council_id), '{}') || chr(10) ||
      (select coalesce(json_agg(json_build_object('day', o.day, 'kind', o.kind, 'title', o.title) order by o.day), '[]')
        from calendar_override o where o.council_id = c.council_id)::text || chr(10) ||
      coalesce((select b.holidays::text from bank_holiday_list b where b.council_id = c.council_id), 'null') as text
    from council c where c.council_id = ${councilId}`.execute(db);
  const row = rows[0];
  if (!row) throw new Error(`No council ${councilId}`);
  return row;
}

export function parseWorkingRules(text: string) {
  const [division = '', settings = '{}', overrides = '[]', list = 'null'] = text.split('\n');
  return {
    division: division as Division,
    settings: JSON.parse(settings) as unknown,
    overrides: asOverrides(JSON.parse(overrides) as OverrideRow[]),
    uploaded: JSON.parse(list) as BankHolidayList | null,
  };
}

export async function upsertCalendarOverride(
  db: Kysely<Database>,
  councilId: string,
  override: { date: string; kind: string; title: string },
) {
  await db
    .insertInto('calendar_override')
    .values({ council_id: councilId, day: override.date, kind: override.kind, title: override.title })
    .onConflict((oc) =>
      oc.columns(['council_id', 'day']).doUpdateSet({ kind: override.kind, title: override.title }),
    )
    .execute();
}

export async function deleteCalendarOverride(
  db: Kysely<Database>,
  councilId: string,
  date: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('calendar_override')
    .where('council_id', '=', councilId)
    .where('day', '=', date)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

// The council's uploaded copy of GOV.UK's bank holiday list, if it has one.
export async function uploadedBankHolidays(db: Kysely<Database>, councilId: string) {
  const row = await db
    .selectFrom('bank_holiday_list as b')
    .innerJoin('person as p', sameCouncil('p.id', 'b.uploaded_by'))
    .select(['b.holidays', 'b.covers_from', 'b.covers_to', 'p.name as uploaded_by', 'b.uploaded_at'])
    .where('b.council_id', '=', councilId)
    .executeTakeFirst();
  return row
    ? {
        list: row.holidays as BankHolidayList,
        coversFrom: row.covers_from,
        coversTo: row.covers_to,
        uploadedBy: row.uploaded_by,
        uploadedAt: row.uploaded_at,
      }
    : null;
}

export async function saveBankHolidays(
  db: Kysely<Database>,
  councilId: string,
  saved: {
    list: BankHolidayList;
    coversFrom: string;
    coversTo: string;
    uploadedBy: string;
    uploadedAt: Date;
  },
) {
  const values = {
    holidays: JSON.stringify(saved.list),
    covers_from: saved.coversFrom,
    covers_to: saved.coversTo,
    uploaded_by: saved.uploadedBy,
    uploaded_at: saved.uploadedAt,
  };
  await db
    .insertInto('bank_holiday_list')
    .values({ council_id: councilId, ...values })
    .onConflict((oc) => oc.column('council_id').doUpdateSet(values))
    .execute();
}
