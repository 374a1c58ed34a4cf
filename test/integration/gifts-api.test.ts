import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCouncil } from '../../src/modules/organisation/councils/set-up.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demo } from '../support/clients.ts';
import { databaseKinds } from '../support/databases.ts';
import { addTestPerson, personIdByEmail, tokenFor } from '../support/people.ts';
import { auditEvents, rowCount } from '../support/rows.ts';

type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { key: string; message: string }[];
};
type Offer = {
  id: string;
  reference: string;
  recipientId: string;
  serviceId: string | null;
  registerKey: string;
  state: string;
  approverId: string | null;
  approvalDecision: string | null;
  approvalDecidedByName: string | null;
  offeredOn: string;
  valuePence: number;
  recordedAt: string;
  verdict: { outcome: string; mustDecline: { text: string; source: string }[] };
};

// A gift from a bidder in a live tender, declined: it must be declined whatever its value (001 §59).
const bidderGift = {
  kind: 'gift',
  offerorPerson: 'Jo Sales',
  offerorOrganisation: 'Tendering Ltd',
  relationship: 'bidder',
  nature: 'other-gift',
  description: 'A bottle of perfume',
  valuePence: 4500,
  offeredOn: '2026-11-20',
  decision: 'declined',
  reason: 'They are bidding for the revenues system contract',
};

const cash = {
  ...bidderGift,
  offerorOrganisation: 'Grateful Resident',
  relationship: 'service-user',
  nature: 'cash-or-vouchers',
  description: 'A £50 shopping voucher',
  valuePence: 5000,
  decision: 'accepted',
  reason: 'A thank-you',
};

// A dinner from another public body, over the threshold: the head of service approves it first (001 §69).
const dinner = {
  kind: 'hospitality',
  offerorOrganisation: 'County Treasurers Association',
  relationship: 'public-body',
  nature: 'meal',
  description: 'Annual dinner',
  valuePence: 8500,
  offeredOn: '2026-11-18',
  eventOn: '2026-12-04',
  decision: 'accepted',
  reason: 'A networking event with other councils’ finance teams',
};

describe.each(databaseKinds)('the gifts API on %s', (kind) => {
  let t: TestApp;
  const tokens = new Map<string, string>();
  const ids = new Map<string, string>();
  let outsiderToken: string;

  const token = (name: string) => {
    const found = tokens.get(name);
    if (!found) throw new Error(`No token for ${name}`);
    return found;
  };
  const call = (name: string, method: string, url: string, body?: unknown) =>
    t.client().api(method, url, body, token(name));
  const offerCount = () => rowCount(t.db, 'gift_offer');
  const expectProblem = (
    response: { statusCode: number; headers: Record<string, unknown> },
    status: number,
  ) => {
    expect(response.statusCode).toBe(status);
    expect(String(response.headers['content-type'])).toContain('application/problem+json');
  };
  const record = async (name: string, body: unknown) => {
    const response = await call(name, 'POST', '/api/v1/gift-offers', body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Offer;
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    for (const name of [
      'liam.barker',
      'sophie.turner',
      'grace.whitmore',
      'helen.marsh',
      'emma.clarke',
      'tom.whitfield',
    ]) {
      const id = await personIdByEmail(t.db, demo(name));
      ids.set(name, id);
      tokens.set(name, await tokenFor(t.db, t.councilId, id));
    }
    const other = await t.db
      .transaction()
      .execute((trx) =>
        createCouncil(
          trx,
          { name: 'Other Borough', slug: 'other', division: 'england-and-wales', directorates: [] },
          new Date(),
        ),
      );
    const outsider = await addTestPerson(t.db, other.councilId, {
      email: 'hr@other.test',
      roles: ['officer', 'hr', 'audit'],
    });
    outsiderToken = await tokenFor(t.db, other.councilId, outsider);
  });
  afterAll(() => t.close());

  it('lists the gifts API in the OpenAPI document', async () => {
    const spec = (await t.client().api('GET', '/api/openapi.json')).json() as {
      paths: Record<string, Record<string, { tags?: string[]; requestBody?: unknown }>>;
    };
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/gift-offers',
        '/api/v1/gift-offers/verdict',
        '/api/v1/gift-offers/{id}',
        '/api/v1/gift-offers/{id}/approval',
        '/api/v1/gift-approvals',
        '/api/v1/gift-reviews',
        '/api/v1/gift-reviews/dashboard',
        '/api/v1/gift-reviews/{register}/{period}',
        '/api/v1/gift-reviews/{register}/{period}/sign-off',
      ]),
    );
    expect(spec.paths['/api/v1/gift-offers']?.post?.tags).toEqual(['gifts']);
    expect(JSON.stringify(spec.paths['/api/v1/gift-offers']?.post?.requestBody)).toContain('valuePence');
  });

  it('gives the verdict on an offer without saving it', async () => {
    const before = await offerCount();
    const refused = await call('liam.barker', 'POST', '/api/v1/gift-offers/verdict', cash);
    expect(refused.statusCode).toBe(200);
    expect(refused.json()).toMatchObject({
      verdict: { outcome: 'must-decline', mustDecline: [{ source: '001 §61' }] },
      approverName: null,
      refusalWording: expect.stringContaining('I am unable to accept it'),
    });
    const approval = await call('liam.barker', 'POST', '/api/v1/gift-offers/verdict', dinner);
    expect(approval.json()).toMatchObject({
      verdict: { outcome: 'needs-approval', approval: { by: 'head-of-service', source: '001 §69' } },
      approverName: 'Helen Marsh',
      refusalWording: null,
    });
    const bad = await call('liam.barker', 'POST', '/api/v1/gift-offers/verdict', {
      ...dinner,
      valuePence: -1,
    });
    expectProblem(bad, 400);
    expect(await offerCount()).toBe(before);
  });

  it('records a declined gift from a bidder, citing the code', async () => {
    const offer = await record('liam.barker', bidderGift);
    expect(offer).toMatchObject({
      state: 'declined',
      recipientId: ids.get('liam.barker'),
      offeredOn: '2026-11-20',
      valuePence: 4500,
      verdict: { outcome: 'must-decline' },
    });
    expect(offer.reference).toMatch(/^GH-2026-\d{4}$/);
    expect(offer.verdict.mustDecline.map((reason) => reason.source)).toContain('001 §59');
    expect(offer.recordedAt).toBe('2026-11-23T09:00:00.000Z');
  });

  it('refuses to accept cash, says why, and saves nothing', async () => {
    const before = await offerCount();
    const response = await call('liam.barker', 'POST', '/api/v1/gift-offers', cash);
    expectProblem(response, 400);
    const problem = response.json() as Problem;
    expect(problem.detail).toContain('You cannot accept this.');
    expect(problem.detail).toContain('Cash and vouchers must not be accepted');
    expect(problem.errors).toEqual([
      { key: 'decision', message: expect.stringContaining('Record it as declined') },
    ]);
    expect(await offerCount()).toBe(before);
    const declined = await record('liam.barker', { ...cash, decision: 'declined', reason: 'Not allowed' });
    expect(declined.state).toBe('declined');
  });

  it.each([
    ['missing fields', {}, ['kind', 'relationship', 'description', 'valuePence', 'offeredOn', 'decision']],
    ['a missing description', { ...bidderGift, description: undefined }, ['description']],
    ['a blank reason', { ...bidderGift, reason: '   ' }, ['reason']],
    ['no offeror', { ...bidderGift, offerorPerson: '', offerorOrganisation: '' }, ['offerorPerson']],
    ['a negative value', { ...bidderGift, valuePence: -500 }, ['valuePence']],
    ['an absurd value', { ...bidderGift, valuePence: 10_000_001 }, ['valuePence']],
    ['part of a penny', { ...bidderGift, valuePence: 12.5 }, ['valuePence']],
    ['a date in the future', { ...bidderGift, offeredOn: '2026-11-24' }, ['offeredOn']],
    ['a date before the register', { ...bidderGift, offeredOn: '1999-12-31' }, ['offeredOn']],
    ['a non-date', { ...bidderGift, offeredOn: 'last Tuesday' }, ['offeredOn']],
    ['a date that does not exist', { ...bidderGift, offeredOn: '2026-02-30' }, ['offeredOn']],
    ['a month that does not exist', { ...bidderGift, offeredOn: '2025-13-01' }, ['offeredOn']],
    ['a value as text', { ...bidderGift, valuePence: '4500' }, ['valuePence']],
    ['a number for the kind', { ...bidderGift, kind: 5 }, ['kind']],
    ['a boolean decision', { ...bidderGift, decision: true }, ['decision']],
    ['an unknown relationship', { ...bidderGift, relationship: 'friend' }, ['relationship']],
    ['a nature of the other kind', { ...bidderGift, nature: 'meal' }, ['nature']],
    ['a description too long', { ...bidderGift, description: 'x'.repeat(501) }, ['description']],
    ['a list instead of an offer', [bidderGift], ['request']],
    [
      'a NUL character',
      { ...bidderGift, offerorOrganisation: 'Tendering\u0000Ltd' },
      ['offerorOrganisation'],
    ],
  ])('refuses %s with a problem naming the field, and changes nothing', async (_, body, keys) => {
    const before = await offerCount();
    for (const url of ['/api/v1/gift-offers', '/api/v1/gift-offers/verdict']) {
      const response = await call('liam.barker', 'POST', url, body);
      expectProblem(response, 400);
      const problem = response.json() as Problem;
      expect(problem.title).toBe('Invalid input');
      expect(problem.errors?.map((error) => error.key)).toEqual(expect.arrayContaining(keys));
      expect(problem.detail).toBeTruthy();
    }
    expect(await offerCount()).toBe(before);
  });

  it('records an offer made on 29 February', async () => {
    const offer = await record('liam.barker', { ...bidderGift, offeredOn: '2024-02-29' });
    expect(offer.offeredOn).toBe('2024-02-29');
  });

  it('asks the head of service to approve hospitality, and takes only their decision', async () => {
    // Approval comes before the event (001 §69): the event's date is needed, and still to come.
    for (const [eventOn, message] of [
      [undefined, 'Enter the date of the event, so that it can be approved before it takes place'],
      [
        '2026-11-23',
        'The date of the event must be in the future: hospitality is approved before it takes place',
      ],
      ['2026-11-31', 'Date of the event must be a real date'],
    ] as const) {
      const early = await call('liam.barker', 'POST', '/api/v1/gift-offers', { ...dinner, eventOn });
      expectProblem(early, 400);
      expect((early.json() as Problem).errors).toEqual([{ key: 'eventOn', message }]);
    }
    const offer = await record('liam.barker', dinner);
    expect(offer.state).toBe('awaiting-approval');
    expect(offer).toMatchObject({ eventOn: '2026-12-04' });
    expect(offer.approverId).toBe(ids.get('helen.marsh'));

    const waiting = await call('helen.marsh', 'GET', '/api/v1/gift-approvals');
    expect(waiting.statusCode).toBe(200);
    expect((waiting.json() as { items: Offer[] }).items.map((item) => item.id)).toEqual([offer.id]);
    const none = await call('grace.whitmore', 'GET', '/api/v1/gift-approvals');
    expect((none.json() as { items: Offer[] }).items).toEqual([]);

    const url = `/api/v1/gift-offers/${offer.id}/approval`;
    for (const name of ['grace.whitmore', 'liam.barker', 'tom.whitfield']) {
      const wrong = await call(name, 'POST', url, { decision: 'approved', comment: '' });
      expectProblem(wrong, 403);
      expect((wrong.json() as Problem).detail).toBe('This approval is not yours to give');
    }
    const unsure = await call('helen.marsh', 'POST', url, { decision: 'maybe' });
    expectProblem(unsure, 400);
    expect((unsure.json() as Problem).errors?.[0]?.key).toBe('decision');
    const noReason = await call('helen.marsh', 'POST', url, { decision: 'refused', comment: ' ' });
    expectProblem(noReason, 400);
    expect((noReason.json() as Problem).errors).toEqual([
      { key: 'comment', message: 'Say why you refuse it' },
    ]);

    const approved = await call('helen.marsh', 'POST', url, { decision: 'approved', comment: 'Fine' });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({
      state: 'accepted',
      approvalDecision: 'approved',
      approvalDecidedByName: 'Helen Marsh',
      approvalDecidedAt: '2026-11-23T09:00:00.000Z',
    });
    expectProblem(await call('helen.marsh', 'POST', url, { decision: 'refused', comment: 'No' }), 400);
    expect((await call('helen.marsh', 'GET', '/api/v1/gift-approvals')).json()).toEqual({ items: [] });

    const seen = await call('liam.barker', 'GET', `/api/v1/gift-offers/${offer.id}`);
    expect(seen.statusCode).toBe(200);
    const detail = seen.json() as { offer: Offer; versions: { version: number; reason: string }[] };
    expect(detail.offer.state).toBe('accepted');
    expect(detail.versions.map((version) => version.reason)).toEqual(['Recorded', 'Approved']);
  });

  it('shows each person only the entries they may see', async () => {
    const sophies = await record('sophie.turner', {
      ...dinner,
      kind: 'gift',
      nature: 'other-gift',
      offerorOrganisation: 'Peer Co',
      valuePence: 6000,
    });
    const liams = await call('liam.barker', 'GET', '/api/v1/gift-offers?limit=500');
    expect(liams.statusCode).toBe(200);
    const liamItems = (liams.json() as { items: Offer[] }).items;
    expect(liamItems.length).toBeGreaterThan(0);
    expect(liamItems.every((item) => item.recipientId === ids.get('liam.barker'))).toBe(true);
    const liamsEntry = liamItems[0]?.id ?? '';

    const peer = await call('sophie.turner', 'GET', '/api/v1/gift-offers?limit=500');
    expect((peer.json() as { items: Offer[] }).items.map((item) => item.id)).toEqual([sophies.id]);
    const peeking = await call('sophie.turner', 'GET', `/api/v1/gift-offers/${liamsEntry}`);
    expectProblem(peeking, 403);
    expect((peeking.json() as Problem).detail).toBe('You cannot see this entry');

    for (const name of ['grace.whitmore', 'helen.marsh', 'emma.clarke']) {
      expect((await call(name, 'GET', `/api/v1/gift-offers/${liamsEntry}`)).statusCode).toBe(200);
      const list = (await call(name, 'GET', '/api/v1/gift-offers?limit=500')).json() as { items: Offer[] };
      expect(list.items.map((item) => item.id)).toEqual(expect.arrayContaining([liamsEntry, sophies.id]));
    }
    expectProblem(await call('tom.whitfield', 'GET', `/api/v1/gift-offers/${liamsEntry}`), 403);
    expect((await call('tom.whitfield', 'GET', '/api/v1/gift-offers')).json()).toEqual({
      items: [],
      nextCursor: null,
    });

    const views = await auditEvents(t.db, { action: 'gift.viewed', recordId: liamsEntry });
    expect(views.map((view) => view.actor_id)).toEqual(
      expect.arrayContaining([ids.get('grace.whitmore'), ids.get('emma.clarke')]),
    );
  });

  it('keeps another council out, even with an entry’s id', async () => {
    const entry = (await call('emma.clarke', 'GET', '/api/v1/gift-offers?limit=1')).json() as {
      items: Offer[];
    };
    const id = entry.items[0]?.id ?? '';
    expect(id).not.toBe('');
    const outsider = t.client();
    const read = await outsider.api('GET', `/api/v1/gift-offers/${id}`, undefined, outsiderToken);
    expectProblem(read, 404);
    const list = await outsider.api('GET', '/api/v1/gift-offers?limit=500', undefined, outsiderToken);
    expect(list.json()).toEqual({ items: [], nextCursor: null });
    const decide = await outsider.api(
      'POST',
      `/api/v1/gift-offers/${id}/approval`,
      { decision: 'approved' },
      outsiderToken,
    );
    expectProblem(decide, 404);
    const dashboard = await outsider.api('GET', '/api/v1/gift-reviews/dashboard', undefined, outsiderToken);
    expect(dashboard.statusCode).toBe(200);
    expect(JSON.stringify(dashboard.json())).not.toContain('Finance and Revenues');
  });

  it('answers 404 for ids that are not UUIDs or not entries, and 401 without a token', async () => {
    for (const url of [
      '/api/v1/gift-offers/not-a-uuid',
      '/api/v1/gift-offers/0196f3a0-0000-7000-8000-000000000000',
      "/api/v1/gift-offers/1'%20or%201=1",
    ]) {
      const response = await call('emma.clarke', 'GET', url);
      expectProblem(response, 404);
    }
    expectProblem(
      await call('helen.marsh', 'POST', '/api/v1/gift-offers/12345/approval', { decision: 'approved' }),
      404,
    );
    expectProblem(await t.client().api('GET', '/api/v1/gift-offers'), 401);
  });

  it('filters and pages the register like the register page', async () => {
    const declined = await call('emma.clarke', 'GET', '/api/v1/gift-offers?state=declined&kind=gift');
    const items = (declined.json() as { items: Offer[] }).items;
    expect(items.length).toBeGreaterThan(1);
    expect(items.every((item) => item.state === 'declined')).toBe(true);
    const byValue = await call(
      'emma.clarke',
      'GET',
      '/api/v1/gift-offers?min=50.01&max=85&sort=highest-value',
    );
    expect((byValue.json() as { items: Offer[] }).items.map((item) => item.valuePence)).toEqual([8500, 6000]);

    const all: string[] = [];
    let url = '/api/v1/gift-offers?limit=2&sort=oldest';
    for (let pages = 0; pages < 10; pages++) {
      const page = (await call('emma.clarke', 'GET', url)).json() as {
        items: Offer[];
        nextCursor: string | null;
      };
      expect(page.items.length).toBeLessThanOrEqual(2);
      all.push(...page.items.map((item) => item.offeredOn));
      if (!page.nextCursor) break;
      url = `/api/v1/gift-offers?limit=2&sort=oldest&cursor=${page.nextCursor}`;
    }
    expect(all).toHaveLength(await offerCount());
    expect(all).toEqual([...all].sort());

    const bad = await call('emma.clarke', 'GET', '/api/v1/gift-offers?from=yesterday&state=lost&min=lots');
    expectProblem(bad, 400);
    expect((bad.json() as Problem).errors?.map((error) => error.key)).toEqual(['from', 'state', 'min']);
    for (const [query, key] of [
      ['limit=0', 'limit'],
      ['limit=501', 'limit'],
      ['limit=ten', 'limit'],
      ['sort=cheapest', 'sort'],
      ['cursor=garbage', 'cursor'],
      [`cursor=${Buffer.from(JSON.stringify(['not a day', 'x'])).toString('base64url')}`, 'cursor'],
      [
        `sort=highest-value&cursor=${Buffer.from(JSON.stringify(['2026-01-01', ids.get('liam.barker')])).toString('base64url')}`,
        'cursor',
      ],
      ['from=2026-02-30', 'from'],
      ['search=a%00b', 'search'],
      [
        `sort=offeror&cursor=${Buffer.from(JSON.stringify(['a\u0000', ids.get('liam.barker')])).toString('base64url')}`,
        'cursor',
      ],
      ['to=2026-01-01&from=2026-02-01', 'to'],
    ]) {
      const response = await call('emma.clarke', 'GET', `/api/v1/gift-offers?${query}`);
      expectProblem(response, 400);
      expect((response.json() as Problem).errors?.map((error) => error.key)).toEqual([key]);
    }
  });

  it('lets the head of service review and sign off a quarter', async () => {
    const summer = await record('liam.barker', {
      ...dinner,
      kind: 'gift',
      nature: 'other-gift',
      description: 'A summer fruit basket',
      valuePence: 5500,
      offeredOn: '2026-08-10',
    });
    const register = encodeURIComponent(summer.registerKey);
    expect(summer.registerKey).toBe(`service:${summer.serviceId}`);
    const tasks = (await call('helen.marsh', 'GET', '/api/v1/gift-reviews')).json() as {
      items: {
        register: { key: string; reviewers: { name: string }[] };
        period: { start: string };
        status: string;
      }[];
    };
    const task = tasks.items.find(
      (cell) => cell.register.key === summer.registerKey && cell.period.start === '2026-07-01',
    );
    expect(task).toMatchObject({ status: 'overdue', register: { reviewers: [{ name: 'Helen Marsh' }] } });
    expect((await call('liam.barker', 'GET', '/api/v1/gift-reviews')).json()).toEqual({ items: [] });
    expectProblem(await call('liam.barker', 'GET', '/api/v1/gift-reviews/dashboard'), 403);
    expect((await call('emma.clarke', 'GET', '/api/v1/gift-reviews/dashboard')).statusCode).toBe(200);

    const url = `/api/v1/gift-reviews/${register}/2026-07-01`;
    expectProblem(await call('liam.barker', 'GET', url), 403);
    const review = await call('helen.marsh', 'GET', url);
    expect(review.statusCode).toBe(200);
    expect(review.json()).toMatchObject({
      canSign: true,
      signed: null,
      entries: [
        { entry: { id: summer.id, version: 1 }, current: { id: summer.id }, addedAfterSignOff: false },
      ],
    });
    expectProblem(await call('liam.barker', 'POST', `${url}/sign-off`, { comment: '' }), 403);
    const signed = await call('helen.marsh', 'POST', `${url}/sign-off`, { comment: 'Checked' });
    expect(signed.statusCode).toBe(201);
    expect(signed.json()).toMatchObject({
      signedByName: 'Helen Marsh',
      periodStart: '2026-07-01',
      periodEnd: '2026-09-30',
      comment: 'Checked',
      signedAt: '2026-11-23T09:00:00.000Z',
    });
    const again = await call('helen.marsh', 'POST', `${url}/sign-off`, { comment: '' });
    expectProblem(again, 400);
    expect((again.json() as Problem).detail).toBe('This review has already been signed off');
    expect((await call('helen.marsh', 'GET', url)).json()).toMatchObject({
      canSign: false,
      signed: { signedByName: 'Helen Marsh' },
    });

    for (const missing of [
      `/api/v1/gift-reviews/${register}/2026-13-01`,
      `/api/v1/gift-reviews/${register}/2026-08-01`,
      `/api/v1/gift-reviews/${register}/soon`,
      '/api/v1/gift-reviews/service%3Anope/2026-07-01',
      '/api/v1/gift-reviews/anything/2026-07-01',
    ])
      expectProblem(await call('emma.clarke', 'GET', missing), 404);
  });

  it('refuses changes with a read-only token', async () => {
    const readOnly = await tokenFor(t.db, t.councilId, ids.get('liam.barker') ?? '', 'read');
    const before = await offerCount();
    const response = await t.client().api('POST', '/api/v1/gift-offers', bidderGift, readOnly);
    expectProblem(response, 403);
    expect(await offerCount()).toBe(before);
  });
});
