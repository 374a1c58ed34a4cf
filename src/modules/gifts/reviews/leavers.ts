import { sql } from 'kysely';
import { countsByPerson, type HeldWork } from '../../organisation/service.ts';

// A director's or the chief executive's register of their senior officers' gifts and hospitality
// ("senior:<their id>"), signed off each quarter: the entries in quarters they have not signed,
// moved to the register of whoever takes the review over. A quarter signed stays as it was signed;
// an entry is not moved into a quarter the taker has already signed (it would read as reviewed
// when no one reviewed it), nor to the person the gift was offered to, who cannot review their own.
const unsignedIn = (registerKey: unknown) => sql`not exists (select 1 from gift_review r
  where r.council_id = o.council_id and r.register_key = ${registerKey}
    and o.offered_on between r.period_start and r.period_end)`;

export const giftRegisterReviews: HeldWork = {
  kind: 'gift-register-reviews',
  module: 'Gifts and hospitality',
  title: 'Senior officers’ gifts and hospitality in quarters they have not signed off',
  href: '/gifts/reviews',
  roles: ['director', 'chief-executive'],
  async held(q, councilId, personIds) {
    if (personIds.length === 0) return new Map();
    const keys = personIds.map((id) => `senior:${id}`);
    const { rows } = await sql<{ person: string; count: number }>`
      select substr(o.register_key, 8) as person, count(*)::int as count from gift_offer o
      where o.council_id = ${councilId} and o.register_key = any(${keys}::text[])
        and ${unsignedIn(sql.ref('o.register_key'))}
      group by o.register_key`.execute(q);
    return countsByPerson(rows);
  },
  async move(trx, councilId, from, to) {
    const { rows } = await sql<{ id: string }>`
      update gift_offer o set register_key = ${`senior:${to.id}`}
      where o.council_id = ${councilId} and o.register_key = ${`senior:${from}`}
        and ${unsignedIn(`senior:${from}`)} and ${unsignedIn(`senior:${to.id}`)} and o.recipient_id <> ${to.id}
      returning o.id`.execute(trx);
    return rows.map((row) => row.id);
  },
};
