import { type Kysely, sql } from 'kysely';
import type { Division } from '../../../platform/calendar/working-days.ts';
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
        from calendar_override o where o.council_id = c.council_id)::text as text
    from council c where c.council_id = ${councilId}`.execute(db);
  const row = rows[0];
  if (!row) throw new Error(`No council ${councilId}`);
  return row;
}

export function parseWorkingRules(text: string) {
  const [division = '', settings = '{}', overrides = '[]'] = text.split('\n');
  return {
    division: division as Division,
    settings: JSON.parse(settings) as unknown,
    overrides: asOverrides(JSON.parse(overrides) as OverrideRow[]),
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
