import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/platform/clock.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { chartOn } from '../support/charts.ts';
import { demo, demoClients } from '../support/clients.ts';
import { databaseKinds } from '../support/databases.ts';
import { record } from '../support/gifts.ts';
import { addTestPerson, testPassword } from '../support/people.ts';
import { rowCount } from '../support/rows.ts';

// The quarterly review of the gifts and hospitality register (001 §73): each head of
// service reviews their service's register for a quarter once it has ended, queries entries with
// their authors and signs it off; later changes show against what was signed.

const now = new Date('2026-11-23T09:00:00Z');
const q3 = '2026-07-01';
const q3Label = 'Q3 2026 (July to September)';

// The status tags of a review list, in the order shown.
const statusOrder = (body: string) =>
  [...body.matchAll(/govuk-tag--(red|blue|green)">(Overdue|Due by|Signed off)/g)].map((match) => match[2]);

// The dashboard's table of registers counted by period and status: [period, signed off, due, overdue].
function countsByPeriod(body: string): string[][] {
  const table = body.slice(body.indexOf('>Register reviews</caption>'));
  const counts = new Map<string, number[]>();
  for (const row of table.matchAll(/<tr class="govuk-table__row">([\s\S]*?)<\/tr>/g)) {
    const period = /<\/td>\s*<td class="govuk-table__cell">([^<]+)<\/td>/.exec(row[1] ?? '')?.[1];
    const status = /govuk-tag--\w+">(Signed off|Due by|Overdue)/.exec(row[1] ?? '')?.[1];
    if (!period || !status) continue;
    const at = ['Signed off', 'Due by', 'Overdue'].indexOf(status);
    counts.set(
      period,
      (counts.get(period) ?? [0, 0, 0]).map((count, i) => (i === at ? count + 1 : count)),
    );
  }
  return [...counts].map(([period, count]) => [period, ...count.map(String)]);
}

describe.each(databaseKinds)('reviewing the gifts and hospitality register on %s', (kind) => {
  let t: TestApp;
  const clock = fixedClock(now);
  let finance: string;
  let financeQ3: string;
  let liamOffer: string;
  let sophieOffer: string;
  const client = demoClients(() => t);
  const reviewCount = () => rowCount(t.db, 'gift_review');

  beforeAll(async () => {
    t = await startTestApp(kind, { clock });
    // Before the council started using Probity, only periods with entries are reviewed; this one
    // has used it all year, so every register's earlier quarters are due even when empty.
    const fresh = t.client();
    await fresh.signIn(demo('emma.clarke'));
    const created = await fresh.get('/gifts/reviews/dashboard');
    expect(statusOrder(created.body)).not.toContain('Overdue');
    // A head of service with no ended period to sign off is told which register they review and
    // when its review falls due, not that they review nothing.
    const head = t.client();
    await head.signIn(demo('helen.marsh'));
    const early = (await head.get('/gifts/reviews')).body;
    expect(early).not.toContain('You do not review any register');
    expect(early).toContain('You review this register, but there is nothing to sign off yet');
    expect(early).toContain(
      'Finance and Revenues: the next review is for Q4 2026 (October to December), due by',
    );
    await sql`update council set created_at = '2026-01-01' where council_id = ${t.councilId}`.execute(t.db);
    const row = await t.db
      .selectFrom('service')
      .select('id')
      .where('council_id', '=', t.councilId)
      .where('name', '=', 'Finance and Revenues')
      .executeTakeFirstOrThrow();
    finance = row.id;
    financeQ3 = `/gifts/reviews/${encodeURIComponent(`service:${finance}`)}/${q3}`;
    liamOffer = await record(await client('liam.barker'), {
      offerorOrganisation: 'Review Stationers Ltd',
      description: 'a desk plant',
      value: '60',
      date: '2026-08-10',
    });
    sophieOffer = await record(await client('sophie.turner'), {
      offerorOrganisation: 'Bidding Builders Ltd',
      relationship: 'bidder',
      nature: 'alcohol-or-hamper',
      description: 'a case of wine',
      value: '120',
      date: '2026-09-05',
      decision: 'declined',
    });
    // This quarter's, still in progress.
    await record(await client('liam.barker'), {
      offerorOrganisation: 'Review Stationers Ltd',
      description: 'a calendar and a pen set',
      date: '2026-11-02',
    });
  });
  afterAll(() => t.close());

  it('lists a head of service’s reviews, overdue first, each linking to its review page', async () => {
    const head = await client('helen.marsh');
    const tasks = await head.get('/gifts/reviews');
    expect(tasks.statusCode).toBe(200);
    expect(tasks.body).toContain('Your register reviews');
    expect(tasks.body).toContain(`href="${financeQ3}"`);
    expect(tasks.body).toContain(q3Label);
    expect(statusOrder(tasks.body)[0]).toBe('Overdue');
    const officer = await client('liam.barker');
    const none = await officer.get('/gifts/reviews');
    expect(none.statusCode).toBe(200);
    expect(none.body).toContain('You do not review any register');
    await addTestPerson(t.db, t.councilId, {
      email: `unplaced-head-${kind}@example.test`,
      roles: ['officer', 'head-of-service'],
    });
    const unplaced = t.client();
    await unplaced.signIn(`unplaced-head-${kind}@example.test`, testPassword);
    expect((await unplaced.get('/gifts/reviews')).body).toContain(
      'a head of service reviews their service’s register, and no service is set for you',
    );
  });

  it('shows the head of service the quarter’s entries with their flags, and lets them query one', async () => {
    const head = await client('helen.marsh');
    const page = await head.get(financeQ3);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Finance and Revenues');
    expect(page.body).toContain(q3Label);
    expect(page.body).toContain(`href="/gifts/${liamOffer}"`);
    expect(page.body).toContain(`href="/gifts/${sophieOffer}"`);
    expect(page.body).not.toContain('a calendar and a pen set'); // this quarter's, not Q3's
    for (const text of ['Liam Barker', 'Sophie Turner', 'Review Stationers Ltd', '£60', '£120', 'Declined']) {
      expect(page.body).toContain(text);
    }
    expect(page.body).toContain('Must be declined');
    expect(page.body).toContain('(Officers’ Code of Conduct, paragraph 61)');
    expect(page.body).toContain('Sign off this register');

    const empty = await head.post(`/gifts/${liamOffer}/queries`, {
      question: ' ',
      register: `service:${finance}`,
      period: q3,
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter your question');
    expect(empty.body).toContain(`href="#question-${liamOffer}"`);
    expect(empty.body).toContain(`id="question-${liamOffer}"`);

    const asked = await head.post(`/gifts/${liamOffer}/queries`, {
      question: 'Where is the plant now?',
      register: `service:${finance}`,
      period: q3,
    });
    expect(asked.statusCode).toBe(303);
    expect(asked.headers.location).toBe(`${financeQ3}?asked=1`);
    const after = await head.get(String(asked.headers.location));
    expect(after.body).toContain('Your question has been sent');
    expect(after.body).toContain('Where is the plant now?');
    expect(after.body).toContain('1 open question');
    const email = t.smtp.received.find(
      (message) => message.to === demo('liam.barker') && message.subject.includes('A question about'),
    );
    expect(email?.text).toContain('Where is the plant now?');
    // Without the review's fields the question still goes, and the reviewer lands on the entry.
    const plain = await head.post(`/gifts/${sophieOffer}/queries`, {
      question: 'Who offered it?',
      register: 'x',
    });
    expect(plain.headers.location).toBe(`/gifts/${sophieOffer}`);
    expect(
      (await (await client('tom.whitfield')).post(`/gifts/${liamOffer}/queries`, { question: 'Hm?' }))
        .statusCode,
    ).toBe(403);
  });

  it('lets only the register’s reviewer sign it off: not a peer head of service, an officer or HR', async () => {
    const before = await reviewCount();
    for (const wrong of ['tom.whitfield', 'liam.barker', 'emma.clarke']) {
      const response = await (await client(wrong)).post(financeQ3, { comment: 'Looks fine' });
      expect(response.statusCode, wrong).toBe(403);
    }
    expect((await (await client('tom.whitfield')).get(financeQ3)).statusCode).toBe(403);
    expect((await (await client('liam.barker')).get(financeQ3)).statusCode).toBe(403);
    const hr = await (await client('emma.clarke')).get(financeQ3);
    expect(hr.statusCode).toBe(200); // HR see every register's review, but do not sign it
    expect(hr.body).not.toContain('Sign off this register');
    expect(await reviewCount()).toBe(before);
  });

  it('refuses to sign off a quarter still in progress', async () => {
    const head = await client('helen.marsh');
    const current = `/gifts/reviews/${encodeURIComponent(`service:${finance}`)}/2026-10-01`;
    const page = await head.get(current);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('a calendar and a pen set');
    expect(page.body).toContain('This period ends on 31 December 2026');
    expect(page.body).not.toContain('Sign off this register');
    const before = await reviewCount();
    const refused = await head.post(current, { comment: 'Early' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('A period can be signed off once it has ended');
    expect(refused.body).toContain('href="#sign-off"');
    expect(await reviewCount()).toBe(before);
  });

  it('signs off a finished quarter with who, when and the comment', async () => {
    const head = await client('helen.marsh');
    const tooLong = await head.post(financeQ3, { comment: 'x'.repeat(2001) });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('Comment must be 2000 characters or fewer');
    expect(tooLong.body).toContain('x'.repeat(2001));

    const signed = await head.post(financeQ3, { comment: 'Checked with both officers' });
    expect(signed.statusCode).toBe(303);
    expect(signed.headers.location).toBe(`${financeQ3}?signed=1`);
    const page = await head.get(String(signed.headers.location));
    expect(page.body).toContain(`You have signed off this register for ${q3Label}`);
    expect(page.body).toContain('Signed off by');
    expect(page.body).toContain('Helen Marsh');
    expect(page.body).toContain('23 November 2026 at ');
    expect(page.body).toContain('Checked with both officers');
    expect(page.body).not.toContain('Sign off this register');

    const tasks = await head.get('/gifts/reviews');
    expect(tasks.body).toContain('Signed off 23 November 2026 by Helen Marsh');
    const again = await head.post(financeQ3, { comment: 'Twice' });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('This review has already been signed off');

    const audit = await sql<{ n: number }>`select count(*)::int as n from audit_event
      where action = 'gift-review.signed-off' and record_id = ${`service:${finance}/${q3}`}`.execute(t.db);
    expect(audit.rows[0]?.n).toBe(1);
  });

  it('keeps a signed-off quarter’s entries as signed, and shows later amendments and additions', async () => {
    const officer = await client('liam.barker');
    const amended = await officer.post(`/gifts/${liamOffer}/amend`, {
      description: 'a desk plant',
      value: '75',
      reason: 'A thank-you after a visit',
      outcome: 'Kept in the office',
      changeReason: 'Found the receipt',
    });
    expect(amended.statusCode).toBe(303);
    const late = await record(officer, {
      offerorOrganisation: 'Late Entry Ltd',
      description: 'a box of biscuits',
      value: '55',
      date: '2026-09-20',
    });
    const page = await (await client('helen.marsh')).get(financeQ3);
    expect(page.body).toContain('Amended after sign-off');
    expect(page.body).toContain('Estimated value, now: £75');
    expect(page.body).toContain('What happened to it, now: Kept in the office');
    expect(page.body).toContain('£60'); // as signed
    expect(page.body).toContain('Added after sign-off');
    expect(page.body).toContain(`href="/gifts/${late}"`);
    expect(page.body).toContain('1 entry has been amended and 1 entry has been added');
  });

  it('answers bad register keys, periods and ids with 404, not 500', async () => {
    const hr = await client('emma.clarke');
    const service = encodeURIComponent(`service:${finance}`);
    for (const url of [
      `/gifts/reviews/nonsense/${q3}`,
      `/gifts/reviews/${encodeURIComponent('service:not-a-uuid')}/${q3}`,
      `/gifts/reviews/${encodeURIComponent('senior:')}/${q3}`,
      `/gifts/reviews/${service}/2026-13-01`,
      `/gifts/reviews/${service}/july`,
      `/gifts/reviews/${service}/2026-07-02`,
      `/gifts/reviews/${encodeURIComponent('service:00000000-0000-4000-8000-000000000000')}/${q3}`,
    ]) {
      expect((await hr.get(url)).statusCode, url).toBe(404);
    }
    expect((await hr.post(`/gifts/reviews/nonsense/${q3}`, { comment: '' })).statusCode).toBe(404);
    expect((await hr.post('/gifts/not-a-uuid/queries', { question: 'Why?' })).statusCode).toBe(404);
    expect(
      (await hr.post('/gifts/00000000-0000-4000-8000-000000000000/queries', { question: 'Why?' })).statusCode,
    ).toBe(404);
  });

  it('shows those who oversee the register every review, overdue first', async () => {
    expect((await (await client('liam.barker')).get('/gifts/reviews/dashboard')).statusCode).toBe(403);
    expect((await (await client('helen.marsh')).get('/gifts/reviews/dashboard')).statusCode).toBe(403);
    // Early October: the third quarter's reviews are due, the earlier quarters' overdue.
    clock.set(new Date('2026-10-05T09:00:00Z'));
    try {
      const hr = t.client();
      await hr.signIn(demo('emma.clarke'));
      const dashboard = await hr.get('/gifts/reviews/dashboard');
      expect(dashboard.statusCode).toBe(200);
      const order = statusOrder(dashboard.body);
      expect(order[0]).toBe('Overdue');
      expect(order).toContain('Due by');
      expect(order.at(-1)).toBe('Signed off');
      const rank = { Overdue: 0, 'Due by': 1, 'Signed off': 2 } as Record<string, number>;
      const ranks = order.map((status) => rank[status ?? ''] ?? -1);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      // The chart counts the table's reviews by period, oldest first, and tables its counts beside it.
      const chart = chartOn(dashboard.body, 'reviews-by-period');
      expect(chart?.legend).toEqual(['Signed off', 'Due', 'Overdue']);
      expect(chart?.head).toEqual(['Period', 'Signed off', 'Due', 'Overdue']);
      const byPeriod = countsByPeriod(dashboard.body).sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
      expect(byPeriod.length).toBeGreaterThan(1);
      expect([...(chart?.rows ?? [])].sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''))).toEqual(
        byPeriod,
      );
      expect(chart?.rows.at(-1)?.[0]).toBe(q3Label);
      expect(Number(chart?.rows.at(-1)?.[1])).toBeGreaterThanOrEqual(1); // Finance's, signed off
      expect(Number(chart?.rows.at(-1)?.[3])).toBe(0); // the quarter just ended is due, not overdue
      expect(chart?.values).toEqual(
        chart?.rows.flatMap(([, signed, due, overdue]) => [
          `${signed} signed off`,
          `${due} due`,
          `${overdue} overdue`,
        ]),
      );
      expect(dashboard.body).toContain('Signed off 23 November 2026 by Helen Marsh');
      expect(dashboard.body).toContain('Tom Whitfield');
      expect(dashboard.body).toContain(`href="${financeQ3}"`);
      const chief = t.client();
      await chief.signIn(demo('margaret.okafor'));
      expect((await chief.get('/gifts/reviews/dashboard')).statusCode).toBe(200);
    } finally {
      clock.set(now);
    }
  });

  it('emails an overdue reviewer once, not again within a week, and again after it', async () => {
    const job = t.jobs.find((candidate) => candidate.name === 'gift review reminders');
    if (!job) throw new Error('No reminder job');
    const reminders = (to: string, period: string) =>
      t.smtp.received.filter(
        (message) =>
          message.to === demo(to) &&
          message.subject === `Overdue: review the gifts and hospitality register for ${period}`,
      );
    await job.run();
    expect(reminders('tom.whitfield', q3Label)).toHaveLength(1);
    expect(reminders('tom.whitfield', q3Label)[0]?.text).toContain(
      `http://probity.test/gifts/reviews/${encodeURIComponent('service:')}`,
    );
    expect(reminders('helen.marsh', q3Label)).toHaveLength(0); // signed off
    expect(reminders('helen.marsh', 'Q2 2026 (April to June)')).toHaveLength(1);
    await job.run();
    clock.advance(6 * 24 * 60 * 60 * 1000);
    await job.run();
    expect(reminders('tom.whitfield', q3Label)).toHaveLength(1);
    clock.set(new Date(now.getTime() + 7 * 24 * 60 * 60 * 1000));
    await job.run();
    expect(reminders('tom.whitfield', q3Label)).toHaveLength(2);
    expect(reminders('helen.marsh', q3Label)).toHaveLength(0);
    clock.set(now);
  });
});
