import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { Problem } from './check.ts';
import type { OfficerDay, Route, Stop, Unplanned } from './rules.ts';

// A proposed day as stored: officers and visits with what the checks found, the routes, and the
// officers' plans made from it.

export type StoredOfficer = OfficerDay & { name: string; startLabel: string; endLabel: string };
export type StoredStop = Omit<Stop, 'blocked'> & {
  blocked: string[];
  caseId: string;
  reference: string;
  accountRef: string;
  debtorName: string;
  address: string;
  postcode: string;
  cautions: string[];
};
export type Day = {
  officers: StoredOfficer[];
  stops: StoredStop[];
  minutes: number;
  office: { address: string; postcode: string };
};
export type Routed = { routes: Route[]; problems: Problem[] };

export type Proposal = {
  councilId: string;
  id: string;
  planDate: string;
  responsibleOfficerId: string;
  day: Day;
  routed: Routed;
  unplanned: Unplanned[];
  version: number;
  made: Record<string, string>;
  makingSince: Date | null;
  madeAt: Date | null;
  createdBy: string;
  createdAt: Date;
};

function proposalOf(row: Selectable<Database['route_proposal']>): Proposal {
  return {
    councilId: row.council_id,
    id: row.id,
    planDate: row.plan_date,
    responsibleOfficerId: row.responsible_officer_id,
    day: row.day as Day,
    routed: row.routes as Routed,
    unplanned: row.unplanned as Unplanned[],
    version: row.version,
    made: row.made as Record<string, string>,
    makingSince: row.making_since,
    madeAt: row.made_at,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

export async function proposal(q: Kysely<Database>, councilId: string, id: string) {
  const row = await q
    .selectFrom('route_proposal')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? proposalOf(row) : null;
}

// The office the council's last planned day started from, for the next day's form.
export async function lastOffice(q: Kysely<Database>, councilId: string) {
  const row = await q
    .selectFrom('route_proposal')
    .select('day')
    .where('council_id', '=', councilId)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return (row?.day as Day | undefined)?.office ?? null;
}

export async function insert(
  q: Kysely<Database>,
  proposal: Omit<Proposal, 'version' | 'made' | 'makingSince' | 'madeAt'>,
) {
  await q
    .insertInto('route_proposal')
    .values({
      council_id: proposal.councilId,
      id: proposal.id,
      plan_date: proposal.planDate,
      responsible_officer_id: proposal.responsibleOfficerId,
      day: JSON.stringify(proposal.day),
      routes: JSON.stringify(proposal.routed),
      unplanned: JSON.stringify(proposal.unplanned),
      created_by: proposal.createdBy,
      created_at: proposal.createdAt,
      updated_at: proposal.createdAt,
    })
    .execute();
}

/** Replaces the routes if the proposal is still at `version` and not being made; false if not. */
export async function replaceRoutes(
  q: Kysely<Database>,
  key: { councilId: string; id: string; version: number },
  change: { routed: Routed; unplanned: Unplanned[]; at: Date },
) {
  const result = await q
    .updateTable('route_proposal')
    .set((eb) => ({
      routes: JSON.stringify(change.routed),
      unplanned: JSON.stringify(change.unplanned),
      version: eb('version', '+', 1),
      updated_at: change.at,
    }))
    .where('council_id', '=', key.councilId)
    .where('id', '=', key.id)
    .where('version', '=', key.version)
    .where('making_since', 'is', null)
    .where('made_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Claims the making of the plans: one caller at a time, or after a stalled one. */
export async function claimMaking(
  q: Kysely<Database>,
  key: { councilId: string; id: string; version: number },
  at: Date,
  stalledBefore: Date,
) {
  const result = await q
    .updateTable('route_proposal')
    .set({ making_since: at, updated_at: at })
    .where('council_id', '=', key.councilId)
    .where('id', '=', key.id)
    .where('version', '=', key.version)
    .where('made_at', 'is', null)
    .where((eb) => eb.or([eb('making_since', 'is', null), eb('making_since', '<', stalledBefore)]))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function recordMade(
  q: Kysely<Database>,
  key: { councilId: string; id: string },
  made: Record<string, string>,
  done: { at: Date; finished: boolean },
) {
  await q
    .updateTable('route_proposal')
    .set({
      made: JSON.stringify(made),
      updated_at: done.at,
      made_at: done.finished ? done.at : null,
      making_since: done.finished ? null : done.at,
    })
    .where('council_id', '=', key.councilId)
    .where('id', '=', key.id)
    .execute();
}

export async function releaseMaking(q: Kysely<Database>, key: { councilId: string; id: string }) {
  await q
    .updateTable('route_proposal')
    .set({ making_since: null })
    .where('council_id', '=', key.councilId)
    .where('id', '=', key.id)
    .execute();
}
