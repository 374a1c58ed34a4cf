import { type Kysely, type Selectable, sql } from 'kysely';
import { sameCouncil } from '../../../platform/db/same-council.ts';
import type { Database } from '../../../platform/db/schema.ts';
import type { CampaignMemberTable } from '../tables.ts';
import type { CampaignResponse } from './rules.ts';

// A campaign's members: who it asks, what each answered, and who is still to be chased.

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

export type ServiceCount = {
  serviceId: string | null;
  serviceName: string;
  members: number;
  responded: number;
  nil: number;
};

type OutstandingMember = Pick<Member, 'personId' | 'personName' | 'jobTitle' | 'serviceId'>;

// A member who has not responded and whose invitation or last reminder is due to be followed up.
export type Chaser = { campaignId: string; campaignName: string; dueOn: string; personId: string };

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
  await insertTally(db, councilId, campaignId, members);
}

// The members of no service are tallied under the nil uuid (campaign_tally's primary key).
const noService = '00000000-0000-0000-0000-000000000000';
const serviceKey = (serviceId: string | null) => serviceId ?? noService;

// Each service's members, none yet responded, as the campaign opens.
async function insertTally(
  db: Kysely<Database>,
  councilId: string,
  campaignId: string,
  members: readonly NewMember[],
) {
  const services = new Map<string, { serviceId: string | null; serviceName: string; members: number }>();
  for (const member of members) {
    const key = serviceKey(member.serviceId);
    const service = services.get(key) ?? {
      serviceId: member.serviceId,
      serviceName: member.serviceName,
      members: 0,
    };
    services.set(key, { ...service, members: service.members + 1 });
  }
  const rows = [...services].map(([key, service]) => ({
    council_id: councilId,
    campaign_id: campaignId,
    service_key: key,
    service_id: service.serviceId,
    service_name: service.serviceName,
    members: service.members,
    responded: 0,
    nil: 0,
  }));
  if (rows.length) await db.insertInto('campaign_tally').values(rows).execute();
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

// A member's answer, and their service's tally moved with it: `member` is as it was before, read
// with its row locked (findMember's lock), so a first answer counts once and a changed one moves
// the nil returns only.
export async function recordResponse(
  db: Kysely<Database>,
  councilId: string,
  campaignId: string,
  member: Pick<Member, 'personId' | 'serviceId' | 'response'>,
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
    .where('person_id', '=', member.personId)
    .execute();
  const nil = Number(answer.response === 'nil') - Number(member.response === 'nil');
  const first = member.response === null ? 1 : 0;
  if (nil === 0 && first === 0) return;
  await db
    .updateTable('campaign_tally')
    .set((eb) => ({ responded: eb('responded', '+', first), nil: eb('nil', '+', nil) }))
    .where('council_id', '=', councilId)
    .where('campaign_id', '=', campaignId)
    .where('service_key', '=', serviceKey(member.serviceId))
    .execute();
}

// Completion by service, from the tally kept as members respond: one row a service.
export async function serviceCounts(
  db: Kysely<Database>,
  councilId: string,
  campaignId: string,
): Promise<ServiceCount[]> {
  const rows = await db
    .selectFrom('campaign_tally')
    .select(['service_id', 'service_name', 'members', 'responded', 'nil'])
    .where('council_id', '=', councilId)
    .where('campaign_id', '=', campaignId)
    .orderBy('service_name')
    .orderBy('service_key')
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
// name, from the index of those outstanding. The statement's plan is kept, not made again on every
// page: the number shown is written into it, the people without a service are asked for only when
// named, and the services are read by a subquery, so no value makes one plan look cheaper than
// another.
export async function outstandingByService(
  db: Kysely<Database>,
  councilId: string,
  campaignId: string,
  serviceIds: readonly (string | null)[],
  perService: number,
): Promise<OutstandingMember[]> {
  const named = serviceIds.filter((id) => id !== null);
  const outstanding = sql`council_id = ${councilId} and campaign_id = ${campaignId} and responded_at is null`;
  const first = sql`order by person_name, person_id limit ${sql.lit(perService)}`;
  const withoutService = serviceIds.includes(null)
    ? sql`union all (select person_id, person_name, job_title, service_id from campaign_member
        where ${outstanding} and service_id is null ${first})`
    : sql``;
  const { rows } = await sql<{
    person_id: string;
    person_name: string;
    job_title: string;
    service_id: string | null;
  }>`
    select o.* from unnest((select ${named}::uuid[])) as s(service_id)
    cross join lateral (
      select person_id, person_name, job_title, service_id from campaign_member
      where ${outstanding} and service_id = s.service_id ${first}) o
    ${withoutService}`.execute(db);
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
