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

// Work held in a table's person column until another column is filled (a remedy done, an account
// given), moved to anyone: the taker's name goes beside their id where the table keeps one.
type OpenWork = {
  table: 'complaint_remedy' | 'complaint_account_request';
  person: 'owner_id' | 'person_id';
  until: 'done_on' | 'answered_at';
  name?: 'person_name';
};

function heldUntilDone(
  work: Pick<HeldWork, 'kind' | 'title' | 'href'>,
  { table, person, until, name }: OpenWork,
): HeldWork {
  const open = (councilId: string) =>
    sql`council_id = ${councilId} and ${sql.ref(until)} is null and ${sql.ref(person)}`;
  return {
    ...work,
    module: 'Complaints',
    roles: [],
    async held(q, councilId, personIds) {
      if (personIds.length === 0) return new Map();
      const { rows } = await sql<{ person: string; count: number }>`
        select ${sql.ref(person)} as person, count(*)::int as count from ${sql.table(table)}
        where ${open(councilId)} = any(${[...personIds]}::uuid[])
        group by ${sql.ref(person)}`.execute(q);
      return countsByPerson(rows);
    },
    async move(trx, councilId, from, to) {
      const naming = name ? sql`, ${sql.ref(name)} = ${to.name}` : sql``;
      const { rows } = await sql<{ id: string }>`
        update ${sql.table(table)} set ${sql.ref(person)} = ${to.id}${naming}
        where ${open(councilId)} = ${from} returning id`.execute(trx);
      return rows.map((row) => row.id);
    },
  };
}

export const complaintRemedies = heldUntilDone(
  { kind: 'complaint-remedies', title: 'Remedies they own, not yet done', href: '/complaints' },
  { table: 'complaint_remedy', person: 'owner_id', until: 'done_on' },
);

export const complaintAccounts = heldUntilDone(
  {
    kind: 'complaint-accounts',
    title: 'Accounts asked of them for complaints, not yet given',
    href: '/complaints/accounts',
  },
  { table: 'complaint_account_request', person: 'person_id', until: 'answered_at', name: 'person_name' },
);
