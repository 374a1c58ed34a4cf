import { type Kysely, type Selectable, sql } from 'kysely';
import { sameCouncil } from '../../../platform/db/same-council.ts';
import type { Database } from '../../../platform/db/schema.ts';
import type { DeclarationCampaignTable } from '../tables.ts';
import type { CampaignResponse } from './rules.ts';

export type Campaign = {
  id: string;
  name: string;
  // null: everyone in the council.
  serviceIds: string[] | null;
  dueOn: string;
  openedBy: string;
  openedByName: string;
  openedAt: Date;
  closedAt: Date | null;
};

type CampaignSummary = Campaign & { members: number; responded: number };

function toCampaign(row: Selectable<DeclarationCampaignTable>): Campaign {
  return {
    id: row.id,
    name: row.name,
    serviceIds: row.service_ids,
    dueOn: row.due_on,
    openedBy: row.opened_by,
    openedByName: row.opened_by_name,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
  };
}

// Opening campaigns one at a time per council, so that two cannot both pass the overlap check.
export async function lockCampaigns(trx: Kysely<Database>, councilId: string) {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`declaration_campaign:${councilId}`}, 0))`.execute(
    trx,
  );
}

// Of these people, how many each open campaign already holds.
export async function openCampaignsHolding(
  db: Kysely<Database>,
  councilId: string,
  personIds: readonly string[],
): Promise<{ name: string; people: number }[]> {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('campaign_member as m')
    .innerJoin('declaration_campaign as c', sameCouncil('c.id', 'm.campaign_id'))
    .select(['c.name', sql<number>`count(*)::int`.as('people')])
    .where('m.council_id', '=', councilId)
    .where('c.closed_at', 'is', null)
    .where(sql<boolean>`m.person_id = any(${sql.val(personIds)}::uuid[])`)
    .groupBy(['c.id', 'c.name'])
    .orderBy('c.name')
    .execute();
}

export async function insertCampaign(db: Kysely<Database>, councilId: string, campaign: Campaign) {
  await db
    .insertInto('declaration_campaign')
    .values({
      council_id: councilId,
      id: campaign.id,
      name: campaign.name,
      service_ids: campaign.serviceIds,
      due_on: campaign.dueOn,
      opened_by: campaign.openedBy,
      opened_by_name: campaign.openedByName,
      opened_at: campaign.openedAt,
      closed_at: null,
    })
    .execute();
}

// share: held until the transaction ends, so that the campaign cannot close meanwhile.
export async function findCampaign(
  db: Kysely<Database>,
  councilId: string,
  id: string,
  options: { share?: boolean } = {},
): Promise<Campaign | null> {
  let query = db
    .selectFrom('declaration_campaign')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('id', '=', id);
  if (options.share) query = query.forShare();
  const row = await query.executeTakeFirst();
  return row ? toCampaign(row) : null;
}

// Every campaign with its overall completion (from its tally), open ones first, newest first.
export async function listCampaigns(db: Kysely<Database>, councilId: string): Promise<CampaignSummary[]> {
  const rows = await db
    .selectFrom('declaration_campaign as c')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('campaign_tally')
          .select([
            'campaign_id',
            sql<number>`sum(members)::int`.as('members'),
            sql<number>`sum(responded)::int`.as('responded'),
          ])
          .where('council_id', '=', councilId)
          .groupBy('campaign_id')
          .as('t'),
      (join) => join.onRef('t.campaign_id', '=', 'c.id'),
    )
    .selectAll('c')
    .select(['t.members', 't.responded'])
    .where('c.council_id', '=', councilId)
    .orderBy(sql`c.closed_at is null`, 'desc')
    .orderBy('c.opened_at', 'desc')
    .orderBy('c.name')
    .execute();
  return rows.map((row) => ({
    ...toCampaign(row),
    members: Number(row.members ?? 0),
    responded: Number(row.responded ?? 0),
  }));
}

// The campaigns a person is in, with their answer to each: open ones first, newest first.
export async function campaignsOfPerson(db: Kysely<Database>, councilId: string, personId: string) {
  const rows = await db
    .selectFrom('campaign_member as m')
    .innerJoin('declaration_campaign as c', sameCouncil('c.id', 'm.campaign_id'))
    .selectAll('c')
    .select(['m.response', 'm.responded_at'])
    .where('m.council_id', '=', councilId)
    .where('m.person_id', '=', personId)
    .orderBy(sql`c.closed_at is null`, 'desc')
    .orderBy('c.opened_at', 'desc')
    .orderBy('c.name')
    .execute();
  return rows.map((row) => ({
    campaign: toCampaign(row),
    response: row.response as CampaignResponse | null,
    respondedAt: row.responded_at,
  }));
}

// Open campaigns a person has yet to answer.
export async function outstandingOf(db: Kysely<Database>, councilId: string, personId: string) {
  const rows = await db
    .selectFrom('campaign_member as m')
    .innerJoin('declaration_campaign as c', sameCouncil('c.id', 'm.campaign_id'))
    .select(['c.id', 'c.name', 'c.due_on'])
    .where('m.council_id', '=', councilId)
    .where('m.person_id', '=', personId)
    .where('m.responded_at', 'is', null)
    .where('c.closed_at', 'is', null)
    .orderBy('c.due_on')
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.name, dueOn: row.due_on }));
}

type CurrentDeclaration = {
  id: string;
  reference: string;
  kind: string;
  summary: string;
  declaredAt: Date;
};

// A person's declarations not ended: what a campaign asks them to confirm.
export async function currentDeclarations(
  db: Kysely<Database>,
  councilId: string,
  personId: string,
): Promise<CurrentDeclaration[]> {
  const rows = await db
    .selectFrom('declaration')
    .select(['id', 'reference', 'kind', 'summary', 'declared_at'])
    .where('council_id', '=', councilId)
    .where('person_id', '=', personId)
    .where('ended_on', 'is', null)
    .orderBy('declared_at', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    reference: row.reference,
    kind: row.kind,
    summary: row.summary,
    declaredAt: row.declared_at,
  }));
}

// Whether a person made, changed or ended a declaration at or after an instant.
export async function declaredSince(
  db: Kysely<Database>,
  councilId: string,
  personId: string,
  since: Date,
): Promise<boolean> {
  const row = await db
    .selectFrom('declaration')
    .select('id')
    .where('council_id', '=', councilId)
    .where('person_id', '=', personId)
    .where((eb) => eb.or([eb('declared_at', '>=', since), eb('updated_at', '>=', since)]))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function closeCampaign(
  db: Kysely<Database>,
  councilId: string,
  id: string,
  at: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('declaration_campaign')
    .set({ closed_at: at })
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
