import { type Kysely, type Selectable, sql } from 'kysely';
import { sameCouncil } from '../../../platform/db/same-council.ts';
import type { Database } from '../../../platform/db/schema.ts';
import type { CampaignMemberTable, DeclarationCampaignTable } from '../tables.ts';
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

export type Member = {
  personId: string;
  personName: string;
  jobTitle: string;
  serviceId: string | null;
  serviceName: string;
  fieldOfficer: boolean;
  response: CampaignResponse | null;
  respondedAt: Date | null;
  accountsDeclarationAt: Date | null;
};

type ServiceCount = {
  serviceId: string | null;
  serviceName: string;
  members: number;
  responded: number;
  nil: number;
};

type OutstandingMember = Pick<Member, 'personId' | 'personName' | 'jobTitle' | 'serviceId'>;

// A member who has not responded and whose invitation or last reminder is due to be followed up.
export type Chaser = { campaignId: string; campaignName: string; dueOn: string; personId: string };

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

function toMember(row: Selectable<CampaignMemberTable>): Member {
  return {
    personId: row.person_id,
    personName: row.person_name,
    jobTitle: row.job_title,
    serviceId: row.service_id,
    serviceName: row.service_name,
    fieldOfficer: row.field_officer,
    response: row.response as CampaignResponse | null,
    respondedAt: row.responded_at,
    accountsDeclarationAt: row.accounts_declaration_at,
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

export type NewMember = Pick<
  Member,
  'personId' | 'personName' | 'jobTitle' | 'serviceId' | 'serviceName' | 'fieldOfficer'
>;

export async function insertMembers(
  db: Kysely<Database>,
  councilId: string,
  campaignId: string,
  members: readonly NewMember[],
) {
  for (let start = 0; start < members.length; start += 1000) {
    await db
      .insertInto('campaign_member')
      .values(
        members.slice(start, start + 1000).map((member) => ({
          council_id: councilId,
          campaign_id: campaignId,
          person_id: member.personId,
          person_name: member.personName,
          job_title: member.jobTitle,
          service_id: member.serviceId,
          service_name: member.serviceName,
          field_officer: member.fieldOfficer,
          response: null,
          responded_at: null,
          accounts_declaration_at: null,
          last_reminded_at: null,
        })),
      )
      .execute();
  }
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

// Every campaign with its overall completion, open ones first, newest first.
export async function listCampaigns(db: Kysely<Database>, councilId: string): Promise<CampaignSummary[]> {
  const rows = await db
    .selectFrom('declaration_campaign as c')
    .selectAll('c')
    .select([
      (eb) =>
        eb
          .selectFrom('campaign_member as m')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('m.council_id', '=', 'c.council_id')
          .whereRef('m.campaign_id', '=', 'c.id')
          .as('members'),
      (eb) =>
        eb
          .selectFrom('campaign_member as m')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('m.council_id', '=', 'c.council_id')
          .whereRef('m.campaign_id', '=', 'c.id')
          .where('m.responded_at', 'is not', null)
          .as('responded'),
    ])
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

export async function findMember(
  db: Kysely<Database>,
  councilId: string,
  campaignId: string,
  personId: string,
  options: { lock?: boolean } = {},
): Promise<Member | null> {
  let query = db
    .selectFrom('campaign_member')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('campaign_id', '=', campaignId)
    .where('person_id', '=', personId);
  if (options.lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toMember(row) : null;
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

export async function recordResponse(
  db: Kysely<Database>,
  councilId: string,
  campaignId: string,
  personId: string,
  answer: { response: CampaignResponse; at: Date; accountsDeclarationAt: Date | null },
) {
  await db
    .updateTable('campaign_member')
    .set({
      response: answer.response,
      responded_at: answer.at,
      accounts_declaration_at: answer.accountsDeclarationAt,
    })
    .where('council_id', '=', councilId)
    .where('campaign_id', '=', campaignId)
    .where('person_id', '=', personId)
    .execute();
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

// Completion by service, counted by the database (index campaign_member_by_service).
export async function serviceCounts(
  db: Kysely<Database>,
  councilId: string,
  campaignId: string,
): Promise<ServiceCount[]> {
  const rows = await db
    .selectFrom('campaign_member')
    .select([
      'service_id',
      sql<string>`min(service_name)`.as('service_name'),
      sql<number>`count(*)::int`.as('members'),
      sql<number>`count(responded_at)::int`.as('responded'),
      sql<number>`(count(*) filter (where response = 'nil'))::int`.as('nil'),
    ])
    .where('council_id', '=', councilId)
    .where('campaign_id', '=', campaignId)
    .groupBy('service_id')
    .orderBy(sql`min(service_name)`)
    .execute();
  return rows.map((row) => ({
    serviceId: row.service_id,
    serviceName: row.service_name,
    members: row.members,
    responded: row.responded,
    nil: row.nil,
  }));
}

// The first few outstanding members of each service named (null: the people without one), by
// name, from the index of those outstanding.
export async function outstandingByService(
  db: Kysely<Database>,
  councilId: string,
  campaignId: string,
  serviceIds: readonly (string | null)[],
  perService: number,
): Promise<OutstandingMember[]> {
  const named = serviceIds.filter((id) => id !== null);
  const outstanding = sql`council_id = ${councilId} and campaign_id = ${campaignId} and responded_at is null`;
  const { rows } = await sql<{
    person_id: string;
    person_name: string;
    job_title: string;
    service_id: string | null;
  }>`
    select o.* from unnest(${named}::uuid[]) as s(service_id)
    cross join lateral (
      select person_id, person_name, job_title, service_id from campaign_member
      where ${outstanding} and service_id = s.service_id
      order by person_name, person_id limit ${perService}) o
    union all
    (select person_id, person_name, job_title, service_id from campaign_member
      where ${outstanding} and service_id is null and ${serviceIds.includes(null)}::boolean
      order by person_name, person_id limit ${perService})`.execute(db);
  return rows.map((row) => ({
    personId: row.person_id,
    personName: row.person_name,
    jobTitle: row.job_title,
    serviceId: row.service_id,
  }));
}

// One service's outstanding members a page at a time, by name; null is the people without one.
export async function outstandingInService(
  db: Kysely<Database>,
  councilId: string,
  campaignId: string,
  serviceId: string | null,
  page: { limit: number; after?: readonly [string, string] | undefined },
): Promise<{ members: OutstandingMember[]; next: [string, string] | null }> {
  let query = db
    .selectFrom('campaign_member')
    .select(['person_id', 'person_name', 'job_title', 'service_id'])
    .where('council_id', '=', councilId)
    .where('campaign_id', '=', campaignId)
    .where('service_id', serviceId === null ? 'is' : '=', serviceId)
    .where('responded_at', 'is', null);
  const after = page.after;
  if (after) query = query.where(sql<boolean>`(person_name, person_id) > (${after[0]}, ${after[1]}::uuid)`);
  const rows = await query
    .orderBy('person_name')
    .orderBy('person_id')
    .limit(page.limit + 1)
    .execute();
  const members = rows.slice(0, page.limit).map((row) => ({
    personId: row.person_id,
    personName: row.person_name,
    jobTitle: row.job_title,
    serviceId: row.service_id,
  }));
  const last = members.at(-1);
  return { members, next: rows.length > page.limit && last ? [last.personName, last.personId] : null };
}

// Every member for the download, a batch at a time in service then name order.
export async function exportMembers(
  db: Kysely<Database>,
  councilId: string,
  campaignId: string,
  page: { limit: number; after?: readonly [string, string, string] | undefined },
): Promise<{ members: Member[]; next: [string, string, string] | null }> {
  let query = db
    .selectFrom('campaign_member')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('campaign_id', '=', campaignId);
  const after = page.after;
  if (after)
    query = query.where(
      sql<boolean>`(service_name, person_name, person_id) > (${after[0]}, ${after[1]}, ${after[2]}::uuid)`,
    );
  const rows = await query
    .orderBy('service_name')
    .orderBy('person_name')
    .orderBy('person_id')
    .limit(page.limit + 1)
    .execute();
  const members = rows.slice(0, page.limit).map(toMember);
  const last = members.at(-1);
  return {
    members,
    next: rows.length > page.limit && last ? [last.serviceName, last.personName, last.personId] : null,
  };
}

// Claims the next few follow-ups of members not yet responded to open campaigns, setting
// last_reminded_at as it takes them: a row one process claims (or has locked) another skips.
// Members never contacted (last_reminded_at null) are claimed for their invitation; the others
// once their last email was at or before remindedBefore.
export async function claimChasers(
  db: Kysely<Database>,
  councilId: string,
  which: { invitations: true; campaignId?: string } | { invitations: false; remindedBefore: Date },
  now: Date,
  limit: number,
): Promise<Chaser[]> {
  let due = db
    .selectFrom('campaign_member as m')
    .innerJoin('declaration_campaign as c', sameCouncil('c.id', 'm.campaign_id'))
    .select(['m.campaign_id', 'm.person_id'])
    .where('m.council_id', '=', councilId)
    .where('c.closed_at', 'is', null)
    .where('m.responded_at', 'is', null);
  if (which.invitations) {
    due = due.where('m.last_reminded_at', 'is', null);
    if (which.campaignId) due = due.where('m.campaign_id', '=', which.campaignId);
  } else due = due.where('m.last_reminded_at', '<=', which.remindedBefore);
  const rows = await db
    .updateTable('campaign_member as m')
    .from('declaration_campaign as c')
    .set({ last_reminded_at: now })
    .whereRef('c.council_id', '=', 'm.council_id')
    .whereRef('c.id', '=', 'm.campaign_id')
    .where('m.council_id', '=', councilId)
    .where(sql<boolean>`(m.campaign_id, m.person_id) in (${due.limit(limit).forUpdate('m').skipLocked()})`)
    .returning(['m.campaign_id', 'c.name', 'c.due_on', 'm.person_id'])
    .execute();
  return rows.map((row) => ({
    campaignId: row.campaign_id,
    campaignName: row.name,
    dueOn: row.due_on,
    personId: row.person_id,
  }));
}
