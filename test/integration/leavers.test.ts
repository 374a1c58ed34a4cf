import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { giftRegisterReviews } from '../../src/modules/gifts/service.ts';
import { outsider } from '../support/api.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/databases.ts';
import { personIdByEmail, signedInAs } from '../support/people.ts';
import { auditEvents } from '../support/rows.ts';

// Leavers (DOMAIN.md "People, organisation and roles"): the open work a person who has gone still
// holds in each module, moved by HR to someone who can do it, one audited move at a time; nothing
// is left waiting on a person who has gone.

type Kind = { kind: string; holders: string; open: string };

// Who holds each kind of open work, and how much of it is still theirs.
const kinds: Kind[] = [
  {
    kind: 'gift-approvals',
    holders: `select approver_id as id from gift_offer where state = 'awaiting-approval' and approver_id is not null`,
    open: `select count(*)::int as n from gift_offer where state = 'awaiting-approval' and approver_id = $1`,
  },
  {
    kind: 'gift-register-reviews',
    holders: `select substr(o.register_key, 8) as id from gift_offer o where o.register_key like 'senior:%'
      and not exists (select 1 from gift_review r where r.register_key = o.register_key
        and o.offered_on between r.period_start and r.period_end)`,
    open: `select count(*)::int as n from gift_offer o where o.register_key = 'senior:' || $1
      and not exists (select 1 from gift_review r where r.register_key = o.register_key
        and o.offered_on between r.period_start and r.period_end)`,
  },
  {
    kind: 'declaration-reviews',
    holders: `select reviewer_id as id from declaration where review_state = 'awaiting-review' and reviewer_id is not null`,
    open: `select count(*)::int as n from declaration where review_state = 'awaiting-review' and reviewer_id = $1`,
  },
  {
    kind: 'complaint-stages',
    holders: `select s.handler_id as id from complaint_stage s join complaint c on c.id = s.complaint_id
      where s.responded_on is null and c.status <> 'closed' and s.handler_id is not null`,
    open: `select count(*)::int as n from complaint_stage s join complaint c on c.id = s.complaint_id
      where s.responded_on is null and c.status <> 'closed' and s.handler_id = $1`,
  },
  {
    kind: 'complaint-remedies',
    holders: `select owner_id as id from complaint_remedy where done_on is null`,
    open: `select count(*)::int as n from complaint_remedy where done_on is null and owner_id = $1`,
  },
  {
    kind: 'complaint-accounts',
    holders: `select person_id as id from complaint_account_request where answered_at is null`,
    open: `select count(*)::int as n from complaint_account_request where answered_at is null and person_id = $1`,
  },
  {
    kind: 'visit-plans',
    holders: `select responsible_officer_id as id from visit_plan where plan_date >= '2026-11-23'`,
    open: `select count(*)::int as n from visit_plan where plan_date >= '2026-11-23' and responsible_officer_id = $1`,
  },
  {
    kind: 'conduct-investigations',
    holders: `select investigator_id as id from conduct_complaint where state = 'investigation' and investigator_id is not null`,
    open: `select count(*)::int as n from conduct_complaint where state = 'investigation' and investigator_id = $1`,
  },
];

describe.each(databaseKinds)('leavers and the work they still hold on %s', (kind) => {
  let t: TestApp;
  const hr = 'emma.clarke@demo.probity.test';
  const count = async (query: string, id: string) => {
    const { rows } = await sql<{ n: number }>`${sql.raw(query.replace('$1', `'${id}'`))}`.execute(t.db);
    return rows[0]?.n ?? 0;
  };
  const someHolder = async (query: string) => {
    const { rows } = await sql<{ id: string }>`${sql.raw(`${query} limit 1`)}`.execute(t.db);
    const id = rows[0]?.id;
    if (!id) throw new Error(`No one holds: ${query}`);
    return id;
  };
  // Someone active, not the leaver, holding the role the work needs and none of this kind's rules against them.
  const takersOf = (page: string, kindCode: string, leaverId: string) => {
    const select = new RegExp(`<select[^>]*id="to-${kindCode}"[\\s\\S]*?</select>`).exec(page)?.[0] ?? '';
    return [...select.matchAll(/value="([0-9a-f-]{36})"/g)]
      .map((m) => m[1] as string)
      .filter((id) => id !== leaverId);
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    await t.seedDemoYear();
    await t.seedDemo();
  }, 240_000);
  afterAll(() => t.close());

  it.each(kinds)('moves a leaver’s $kind to a person who can do it, audited', async (work) => {
    const browser = await signedInAs(t, hr, 'probity demo 2026');
    const leaverId = await someHolder(work.holders);
    const before = await count(work.open, leaverId);
    expect(before).toBeGreaterThan(0);
    const wasActive = await t.db
      .selectFrom('person')
      .select('active')
      .where('id', '=', leaverId)
      .executeTakeFirstOrThrow();
    if (wasActive.active) {
      const marked = await browser.post(`/people/${leaverId}/leaver`, {
        'leavingDate-day': '20',
        'leavingDate-month': '11',
        'leavingDate-year': '2026',
      });
      expect(marked.statusCode, marked.body).toBe(303);
    }
    const list = await browser.get('/people/leavers');
    expect(list.body).toContain(`/people/leavers/${leaverId}`);
    const page = await browser.get(`/people/leavers/${leaverId}`);
    expect(page.statusCode).toBe(200);
    const takers = takersOf(page.body, work.kind, leaverId);
    const wrong = await browser.post(`/people/leavers/${leaverId}`, { kind: work.kind, to: leaverId });
    expect(wrong.statusCode).toBe(400);
    expect(await count(work.open, leaverId)).toBe(before);
    const move = (taker: string) =>
      browser.post(`/people/leavers/${leaverId}`, { kind: work.kind, to: taker });
    // The first taker the rules let take some of it; a taker they keep from all of it is told so.
    let to = '';
    let moved: Awaited<ReturnType<typeof move>> | undefined;
    for (const taker of takers) {
      const answer = await move(taker);
      if (answer.statusCode === 303) {
        [to, moved] = [taker, answer];
        break;
      }
      expect(answer.body).toContain('None of this work could go to');
    }
    if (!moved) throw new Error('No one could take the work');
    // The same move again, as a second click would send it: nothing is left to move.
    const again = await move(to);
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('None of this work could go to');
    const takerName = /<option value="[^"]+"[^>]*>([^,<]+),/.exec(
      page.body.slice(page.body.indexOf(`value="${to}"`) - 20),
    )?.[1];
    const shown = await browser.get(String(moved.headers.location));
    expect(shown.body).toContain(`moved to ${takerName}`);
    // The name shown is the taker's, found by id in the council; nothing typed into a link is.
    for (const forged of ['Someone Else', '00000000-0000-4000-8000-000000000000']) {
      const link = `/people/leavers/${leaverId}?${new URLSearchParams({ moved: work.kind, to: forged })}`;
      expect((await browser.get(link)).body).not.toContain(' moved to ');
    }
    // What the rules keep from one taker (their own offer, their own declaration) goes to another.
    // (A taker the rules keep from all that is left is told so, and the next is tried.)
    for (const next of takers.slice(1, 4))
      if ((await count(work.open, leaverId)) > 0) {
        const answer = await move(next);
        if (answer.statusCode !== 303) expect(answer.body).toContain('None of this work could go to');
      }
    expect(await count(work.open, leaverId)).toBe(0);
    const audited = await t.db
      .selectFrom('audit_event')
      .select('after')
      .where('action', '=', 'person.work-moved')
      .where('record_id', '=', leaverId)
      .execute();
    const moves = audited.map((e) => e.after as { kind: string; moved: number; to: string });
    const mine = moves.filter((move) => move.kind === work.kind);
    expect(mine.reduce((sum, move) => sum + move.moved, 0)).toBe(before);
    for (const move of mine.filter((one) => one.moved > 0))
      expect(await count(work.open, move.to)).toBeGreaterThanOrEqual(move.moved);
  });

  it('tells HR on their home page while a leaver holds work, and refuses a taker without the role', async () => {
    const browser = await signedInAs(t, hr, 'probity demo 2026');
    const leaverId = await someHolder(kinds[2]?.holders ?? '');
    await browser.post(`/people/${leaverId}/leaver`, {
      'leavingDate-day': '20',
      'leavingDate-month': '11',
      'leavingDate-year': '2026',
    });
    expect((await browser.get('/')).body).toContain('Leavers still holding work');
    const officer = await personIdByEmail(t.db, 'emma.clarke@demo.probity.test');
    const refused = await browser.post(`/people/leavers/${leaverId}`, {
      kind: 'complaint-stages',
      to: officer,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('cannot take this on');
  });

  it('moves a director’s unsigned quarter of senior officers’ gifts, never into a quarter the taker signed', async () => {
    const from = '00000000-0000-7000-8000-00000000f001';
    const to = await personIdByEmail(t.db, hr);
    const offer = await t.db
      .selectFrom('gift_offer')
      .select(['id', 'offered_on'])
      .where('council_id', '=', t.councilId)
      .where('recipient_id', '<>', to)
      .orderBy('offered_on', 'desc')
      .executeTakeFirstOrThrow();
    const registerOf = async () =>
      (
        await t.db
          .selectFrom('gift_offer')
          .select('register_key')
          .where('id', '=', offer.id)
          .executeTakeFirstOrThrow()
      ).register_key;
    await t.db
      .updateTable('gift_offer')
      .set({ register_key: `senior:${from}` })
      .where('id', '=', offer.id)
      .execute();
    const quarter = { period_start: offer.offered_on, period_end: offer.offered_on };
    await t.db
      .insertInto('gift_review')
      .values({
        council_id: t.councilId,
        register_key: `senior:${to}`,
        ...quarter,
        signed_by: to,
        signed_by_name: 'The taker',
        signed_at: t.clock.now(),
        comment: '',
      })
      .execute();
    const move = () =>
      t.db
        .transaction()
        .execute((trx) =>
          giftRegisterReviews.move(trx, t.councilId, from, { id: to, name: 'The taker' }, '2026-11-23'),
        );
    expect(await move()).toEqual([]);
    expect(await registerOf()).toBe(`senior:${from}`);
    await t.db.deleteFrom('gift_review').where('register_key', '=', `senior:${to}`).execute();
    expect(await move()).toEqual([offer.id]);
    expect(await registerOf()).toBe(`senior:${to}`);
  });

  it('a leaver cannot sign in', async () => {
    const leaverId = await someHolder(`select id from person where active = false`);
    const { email } = await t.db
      .selectFrom('person')
      .select('email')
      .where('id', '=', leaverId)
      .executeTakeFirstOrThrow();
    const browser = t.client();
    const signIn = await browser.post('/sign-in', { email, password: 'probity demo 2026' });
    expect(signIn.headers.location ?? '').not.toBe('/');
    expect((await browser.get('/')).statusCode).not.toBe(200);
  });

  it('makes a person a leaver once when HR send it several times at once: one audit event', async () => {
    const browser = await signedInAs(t, hr, 'probity demo 2026');
    const leaverId = await someHolder(
      `select p.id from person p where p.active and p.email like '%@demo.probity.test'
        and not exists (select 1 from person_role r where r.person_id = p.id and r.role in ('hr', 'system-administrator'))
        order by p.name desc`,
    );
    const answers = await Promise.all(
      [0, 1, 2, 3].map(() =>
        browser.post(`/people/${leaverId}/leaver`, {
          'leavingDate-day': '20',
          'leavingDate-month': '11',
          'leavingDate-year': '2026',
        }),
      ),
    );
    // Each is taken to the leaver's page: one made them a leaver, the others found them one.
    for (const answer of answers) expect(answer.headers.location).toBe(`/people/leavers/${leaverId}`);
    expect(await auditEvents(t.db, { action: 'person.left', recordId: leaverId })).toHaveLength(1);
  });

  it('a second council cannot see or move the first council’s leavers', async () => {
    const leaverId = await someHolder(`select id from person where active = false`);
    const other = await outsider(t, 'leavers-other');
    await t.db
      .insertInto('person_role')
      .values({ council_id: other.councilId, person_id: other.personId, role: 'hr' })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const browser = await signedInAs(t, other.email);
    expect((await browser.get(`/people/leavers/${leaverId}`)).statusCode).toBe(404);
    expect((await browser.get('/people/leavers')).body).not.toContain(leaverId);
    const tried = await browser.post(`/people/leavers/${leaverId}`, {
      kind: 'gift-approvals',
      to: other.personId,
    });
    expect(tried.statusCode).toBe(404);
  });
});
