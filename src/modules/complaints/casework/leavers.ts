import { sql } from 'kysely';
import { countsByPerson, type HeldWork } from '../../organisation/service.ts';

// A leaver's open complaints work: the stages they handle that are not yet answered, moved to
// another member of the complaints team (never a stage 2 to the person who handled its stage 1,
// 003 §5.2); the remedies they own that are not done, and the accounts asked of them not yet
// given (a colleague who knows the matter gives it instead), each moved to anyone.
export const complaintStages: HeldWork = {
  kind: 'complaint-stages',
  module: 'Complaints',
  title: 'Complaints they handle, not yet answered',
  href: '/complaints',
  roles: ['complaints-officer', 'complaints-manager'],
  async held(q, councilId, personIds) {
    if (personIds.length === 0) return new Map();
    const { rows } = await sql<{ person: string; count: number }>`
      select s.handler_id as person, count(*)::int as count from complaint_stage s
      join complaint c on c.council_id = s.council_id and c.id = s.complaint_id
      where s.council_id = ${councilId} and s.responded_on is null and c.status <> 'closed'
        and s.handler_id = any(${[...personIds]}::uuid[])
      group by s.handler_id`.execute(q);
    return countsByPerson(rows);
  },
  async move(trx, councilId, from, to) {
    const { rows } = await sql<{ complaint_id: string }>`
      update complaint_stage s set handler_id = ${to.id}, handler_name = ${to.name}
      from complaint c
      where c.council_id = s.council_id and c.id = s.complaint_id and c.status <> 'closed'
        and s.council_id = ${councilId} and s.handler_id = ${from} and s.responded_on is null
        and not exists (select 1 from complaint_stage e where e.council_id = s.council_id
          and e.complaint_id = s.complaint_id and e.stage < s.stage and e.handler_id = ${to.id})
      returning s.complaint_id`.execute(trx);
    return rows.map((row) => row.complaint_id);
  },
};

export const complaintRemedies: HeldWork = {
  kind: 'complaint-remedies',
  module: 'Complaints',
  title: 'Remedies they own, not yet done',
  href: '/complaints',
  roles: [],
  async held(q, councilId, personIds) {
    if (personIds.length === 0) return new Map();
    const { rows } = await sql<{ person: string; count: number }>`
      select owner_id as person, count(*)::int as count from complaint_remedy
      where council_id = ${councilId} and done_on is null and owner_id = any(${[...personIds]}::uuid[])
      group by owner_id`.execute(q);
    return countsByPerson(rows);
  },
  async move(trx, councilId, from, to) {
    const moved = await trx
      .updateTable('complaint_remedy')
      .set({ owner_id: to.id })
      .where('council_id', '=', councilId)
      .where('owner_id', '=', from)
      .where('done_on', 'is', null)
      .returning('id')
      .execute();
    return moved.map((row) => row.id);
  },
};

export const complaintAccounts: HeldWork = {
  kind: 'complaint-accounts',
  module: 'Complaints',
  title: 'Accounts asked of them for complaints, not yet given',
  href: '/complaints/accounts',
  roles: [],
  async held(q, councilId, personIds) {
    if (personIds.length === 0) return new Map();
    const { rows } = await sql<{ person: string; count: number }>`
      select person_id as person, count(*)::int as count from complaint_account_request
      where council_id = ${councilId} and answered_at is null and person_id = any(${[...personIds]}::uuid[])
      group by person_id`.execute(q);
    return countsByPerson(rows);
  },
  async move(trx, councilId, from, to) {
    const moved = await trx
      .updateTable('complaint_account_request')
      .set({ person_id: to.id, person_name: to.name })
      .where('council_id', '=', councilId)
      .where('person_id', '=', from)
      .where('answered_at', 'is', null)
      .returning('id')
      .execute();
    return moved.map((row) => row.id);
  },
};
