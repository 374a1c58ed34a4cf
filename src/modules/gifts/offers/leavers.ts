import { sql } from 'kysely';
import { countsByPerson, type HeldWork } from '../../organisation/service.ts';

// Offers waiting for a leaver's approval (001 §67), moved to another manager: never to the person
// the offer was made to.
export const giftApprovals: HeldWork = {
  kind: 'gift-approvals',
  module: 'Gifts and hospitality',
  title: 'Gifts and hospitality waiting for their approval',
  href: '/gifts/approvals',
  roles: ['line-manager', 'head-of-service', 'director', 'chief-executive'],
  async held(q, councilId, personIds) {
    if (personIds.length === 0) return new Map();
    const { rows } = await sql<{ person: string; count: number }>`
      select approver_id as person, count(*)::int as count from gift_offer
      where council_id = ${councilId} and state = 'awaiting-approval' and approver_id = any(${[...personIds]}::uuid[])
      group by approver_id`.execute(q);
    return countsByPerson(rows);
  },
  async move(trx, councilId, from, to) {
    const moved = await trx
      .updateTable('gift_offer')
      .set({ approver_id: to.id })
      .where('council_id', '=', councilId)
      .where('state', '=', 'awaiting-approval')
      .where('approver_id', '=', from)
      .where('recipient_id', '<>', to.id)
      .returning('id')
      .execute();
    return moved.map((row) => row.id);
  },
};
