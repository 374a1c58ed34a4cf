import { beforeAll, describe, expect, it } from 'vitest';
import { InvalidInput } from '../../src/platform/errors.ts';
import type { TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/databases.ts';
import { aCase, outcomeOf, useEnforcementApp } from '../support/enforcement.ts';
import { tokenFor } from '../support/people.ts';
import { rowCount } from '../support/rows.ts';
import { otherCouncilTeam } from '../support/visits.ts';

// Inputs an outside probe sends the enforcement routes: none may give a 500, and two requests at
// once make one change. The test clock reads Monday 23 November 2026.
describe.each(databaseKinds)('enforcement probed on %s', (kind) => {
  const state = useEnforcementApp(kind, 'enfprobe');
  const enf = () => state.services.enforcement;
  let t: TestApp;
  let team: typeof state.team;
  beforeAll(() => {
    ({ t, team } = state);
  });
  const { lead, agent } = state;
  const leadToken = () => tokenFor(t.db, t.councilId, team.manager);
  const agentToken = () => tokenFor(t.db, t.councilId, team.officer);

  async function allocatedCase(balancePence = 30_000) {
    const made = aCase({ agentId: team.officer, noticeOn: '2026-11-02', balancePence });
    const { id } = await enf().cases.create(await lead(), made);
    return { id, accountRef: made.accountRef };
  }

  it('refuses a balance too big to hold with a 400, over the API and the service', async () => {
    const client = t.client();
    const response = await client.api(
      'POST',
      '/api/v1/enforcement/cases',
      { ...aCase(), balancePence: 3_000_000_000 },
      await leadToken(),
    );
    expect(response.statusCode).toBe(400);
  });

  it('refuses impossible dates in an outcome with a 400', async () => {
    const { id } = await allocatedCase();
    const client = t.client();
    const token = await agentToken();
    const visited = await client.api(
      'POST',
      `/api/v1/enforcement/cases/${id}/outcomes`,
      { kind: 'no-contact', visitedOn: '2026-02-30' },
      token,
    );
    expect(visited.statusCode).toBe(400);
    const instalment = await client.api(
      'POST',
      `/api/v1/enforcement/cases/${id}/outcomes`,
      {
        kind: 'arrangement',
        visitedOn: '2026-11-23',
        instalments: [{ dueOn: '2026-12-45', amountPence: 30_000 }],
      },
      token,
    );
    expect(instalment.statusCode).toBe(400);
  });

  it('refuses a second arrangement while one is live with a 400', async () => {
    const { id } = await allocatedCase(1000);
    const arrangement = outcomeOf({
      kind: 'arrangement',
      instalments: [{ dueOn: '2026-12-01', amountPence: 1000 }],
    });
    await enf().outcomes.record(await agent(), id, arrangement);
    const response = await t
      .client()
      .api('POST', `/api/v1/enforcement/cases/${id}/outcomes`, arrangement, await agentToken());
    expect(response.statusCode).toBe(400);
  });

  it('takes one of two payments recorded at once that together are more than the balance', async () => {
    const { id } = await allocatedCase(10_000);
    const payment = (receiptNumber: string) =>
      outcomeOf({ kind: 'payment-taken', amountPence: 8_000, receiptNumber });
    const results = await Promise.allSettled([
      enf().outcomes.record(await agent(), id, payment('R-1')),
      enf().outcomes.record(await agent(), id, payment('R-2')),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const page = await enf().cases.page(await lead(), id);
    expect(page.outstandingPence).toBe(2_000);
  });

  it('refuses a payment amount too big to hold with a 400', async () => {
    const { accountRef } = await allocatedCase();
    const response = await t.client().api(
      'POST',
      '/api/v1/enforcement/payments',
      {
        payments: [
          { account: accountRef, date: '2026-11-23', amountPence: 3_000_000_000, reference: 'BIG-1' },
        ],
      },
      await leadToken(),
    );
    expect(response.statusCode).toBe(400);
  });

  it('applies a payment sent in two batches at once once, and refuses neither with a 500', async () => {
    const { accountRef } = await allocatedCase();
    const batch = (extra: string) => ({
      payments: [
        { account: accountRef, date: '2026-11-23', amountPence: 100, reference: 'RACE-1' },
        { account: accountRef, date: '2026-11-23', amountPence: 100, reference: extra },
      ],
    });
    const token = await leadToken();
    const client = t.client();
    const before = await rowCount(t.db, 'enforcement_payment');
    const responses = await Promise.all(
      ['RACE-2', 'RACE-3', 'RACE-4', 'RACE-5'].map((extra) =>
        client.api('POST', '/api/v1/enforcement/payments', batch(extra), token),
      ),
    );
    expect(responses.filter((r) => r.statusCode >= 500).map((r) => r.body)).toEqual([]);
    expect(responses.some((r) => r.statusCode === 200)).toBe(true);
    expect(await rowCount(t.db, 'enforcement_payment')).toBeLessThanOrEqual(before + 5);
  });

  it('refuses a file of payments with too many rows with a 400', async () => {
    const lines = Array.from({ length: 70_000 }, (_, i) => `A${i},2026-11-23,1,R${i}`);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/enforcement/payment-imports',
      headers: { authorization: `Bearer ${await leadToken()}`, 'content-type': 'text/csv' },
      payload: lines.join('\n'),
    });
    expect(response.statusCode).toBe(400);
  });

  it('lets nobody of another council, nor an agent it is not allocated to, read or change a case', async () => {
    const { id, accountRef } = await allocatedCase();
    const other = await otherCouncilTeam(t);
    const client = t.client();
    const outsider = await tokenFor(t.db, other.councilId, other.manager);
    const peer = await tokenFor(t.db, t.councilId, team.peer);
    const officer = await agentToken();
    const manager = await leadToken();
    const audits = await rowCount(t.db, 'audit_event');
    const asked = [
      [outsider, 'GET', `/api/v1/enforcement/cases/${id}`, undefined, 404],
      [outsider, 'POST', `/api/v1/enforcement/cases/${id}/allocation`, { agentId: other.officer }, 404],
      [outsider, 'POST', `/api/v1/enforcement/cases/${id}/notice`, { noticeOn: '2026-11-20' }, 404],
      [peer, 'GET', `/api/v1/enforcement/cases/${id}`, undefined, 404],
      [
        peer,
        'POST',
        `/api/v1/enforcement/cases/${id}/outcomes`,
        { kind: 'no-contact', visitedOn: '2026-11-23' },
        404,
      ],
      [officer, 'POST', `/api/v1/enforcement/cases/${id}/allocation`, { agentId: team.peer }, 403],
      [manager, 'POST', `/api/v1/enforcement/cases/${id}/allocation`, { agentId: other.officer }, 400],
    ] as const;
    for (const [token, method, url, body, status] of asked)
      expect((await client.api(method, url, body, token)).statusCode, `${method} ${url}`).toBe(status);
    const payments = await client.api(
      'POST',
      '/api/v1/enforcement/payments',
      { payments: [{ account: accountRef, date: '2026-11-23', amountPence: 100, reference: 'OUT-1' }] },
      outsider,
    );
    expect(payments.statusCode).toBe(400);
    expect(await rowCount(t.db, 'audit_event')).toBe(audits);
  });

  it('refuses an arrangement of more instalments than the API takes with a 400, not a 500', async () => {
    const { id } = await allocatedCase(70_000);
    const instalments = Array.from({ length: 70_000 }, () => ({ dueOn: '2026-12-01', amountPence: 1 }));
    const error = await enf()
      .outcomes.record(await agent(), id, outcomeOf({ kind: 'arrangement', instalments }))
      .catch((e: unknown) => e);
    expect((error as { errors?: unknown[] }).errors).toEqual([
      { key: 'instalments', message: 'An arrangement has at most 260 instalments' },
    ]);
  });

  it('refuses a payments file with a NUL byte (a binary file uploaded) with a 400', async () => {
    const { accountRef } = await allocatedCase();
    const error = await enf()
      .payments.importCsv(await lead(), { name: 'x.csv', text: `${accountRef}\0,2026-11-23,100,NUL-1\n` })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInput);
  });

  // Last: it moves the clock on.
  it('runs the daily arrangement check and an import paying the same cases at once without a deadlock', async () => {
    const made = [];
    for (let i = 0; i < 8; i++) {
      const found = await allocatedCase(1000);
      await enf().outcomes.record(
        await agent(),
        found.id,
        outcomeOf({ kind: 'arrangement', instalments: [{ dueOn: '2026-11-24', amountPence: 1000 }] }),
      );
      made.push(found);
    }
    t.clock.advance(Date.parse('2026-12-02T08:00:00Z') - t.clock.now().getTime());
    const file = made.map((found, i) => `${found.accountRef},2026-12-02,1000,DAILY-${i}`).join('\n');
    const results = await Promise.allSettled([
      enf().checkArrangements(t.councilId),
      enf().payments.importCsv(await lead(), { name: 'daily.csv', text: file }),
    ]);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
  });
});
