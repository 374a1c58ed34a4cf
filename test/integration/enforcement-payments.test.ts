import { beforeAll, describe, expect, it } from 'vitest';
import { InvalidInput } from '../../src/platform/errors.ts';
import type { TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/databases.ts';
import { aCase, enforcementFor, outcomeOf, useEnforcementApp } from '../support/enforcement.ts';
import { signedInAs, tokenFor } from '../support/people.ts';
import { rowCount } from '../support/rows.ts';

// Payments and arrangements monitored for default (DOMAIN.md §5 / 004; policy arrangementGraceDays).
// The test clock reads Monday 23 November 2026.
describe.each(databaseKinds)('enforcement payments and arrangements on %s', (kind) => {
  const state = useEnforcementApp(kind, 'pay');
  const enf = () => state.services.enforcement;
  let t: TestApp;
  let team: typeof state.team;
  beforeAll(() => {
    ({ t, team } = state);
  });

  const { lead, agent } = state;

  async function withArrangement(
    balancePence: number,
    instalments: { dueOn: string; amountPence: number }[],
  ) {
    const made = aCase({ agentId: team.officer, noticeOn: '2026-11-02', balancePence });
    const { id } = await enf().cases.create(await lead(), made);
    await enf().outcomes.record(await agent(), id, outcomeOf({ kind: 'arrangement', instalments }));
    return { id, accountRef: made.accountRef };
  }

  it('imports a good file, allocates payments to instalments in date order, and changes nothing the second time', async () => {
    const found = await withArrangement(6000, [
      { dueOn: '2026-11-24', amountPence: 2000 },
      { dueOn: '2026-12-01', amountPence: 2000 },
      { dueOn: '2026-12-08', amountPence: 2000 },
    ]);
    const file = `account,date,amount,reference\n${found.accountRef},2026-11-23,2500,PAY-A1\n${found.accountRef},2026-11-23,2500,PAY-A1\n`;
    const first = await enf().payments.importCsv(await lead(), { name: 'payments.csv', text: file });
    expect(first).toMatchObject({ outcome: 'imported', import: { rowCount: 2, appliedCount: 1 } });
    const page = await enf().cases.page(await agent(), found.id);
    expect(page.arrangement?.instalments.map((i) => i.paidPence)).toEqual([2000, 500, 0]);
    const payments = await rowCount(t.db, 'enforcement_payment');
    const again = await enf().payments.importCsv(await lead(), { name: 'payments.csv', text: file });
    expect(again.outcome).toBe('already-imported');
    expect(await rowCount(t.db, 'enforcement_payment')).toBe(payments);
    // The same payment in another file is skipped by its reference.
    const other = await enf().payments.importCsv(await lead(), {
      name: 'b.csv',
      text: `${found.accountRef},2026-11-23,2500,PAY-A1\n`,
    });
    expect(other).toMatchObject({ outcome: 'imported', import: { appliedCount: 0 } });
    expect(await rowCount(t.db, 'enforcement_payment')).toBe(payments);
  });

  it('reports every bad row with its line number and applies nothing from the file', async () => {
    const found = await withArrangement(1000, [{ dueOn: '2026-11-30', amountPence: 1000 }]);
    const before = await rowCount(t.db, 'enforcement_payment');
    const imports = await rowCount(t.db, 'payment_import');
    const file = [
      'account,date,amount,reference',
      `${found.accountRef},2026-11-23,100,GOOD-1`,
      'NO-SUCH-ACCOUNT,2026-11-23,100,BAD-2',
      `${found.accountRef},2026-02-30,100,BAD-3`,
      `${found.accountRef},2026-11-23,1.50,BAD-4`,
      `${found.accountRef},2026-11-23,-5,BAD-5`,
      `${found.accountRef},2026-11-23,100,`,
      `${found.accountRef},2026-11-23,999,GOOD-1`,
    ].join('\n');
    const error = await enf()
      .payments.importCsv(await lead(), { name: 'bad.csv', text: file })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInput);
    expect((error as InvalidInput).errors.map((e) => e.key)).toEqual([
      'line-3',
      'line-4',
      'line-5',
      'line-6',
      'line-7',
      'line-8',
    ]);
    expect(await rowCount(t.db, 'enforcement_payment')).toBe(before);
    expect(await rowCount(t.db, 'payment_import')).toBe(imports);
    // The page shows each bad row with its line number.
    const browser = await signedInAs(t, team.email('manager'));
    await browser.get('/enforcement/payments/import');
    const boundary = 'enf-boundary';
    const csrf =
      /name="_csrf" value="([^"]+)"/.exec((await browser.get('/enforcement/payments/import')).body)?.[1] ??
      '';
    const body = [
      `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bad.csv"\r\nContent-Type: text/csv\r\n\r\n${file}\r\n`,
      `--${boundary}--\r\n`,
    ].join('');
    const response = await t.app.inject({
      method: 'POST',
      url: '/enforcement/payments/import',
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        cookie: [...browser.cookies].map(([n, v]) => `${n}=${v}`).join('; '),
      },
      payload: body,
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Line 3: account NO-SUCH-ACCOUNT is not an enforcement case');
    expect(response.body).toContain('Nothing in the file was applied');
  });

  it('takes a JSON batch and a text/csv upload over the API, with the same checks', async () => {
    const found = await withArrangement(1000, [{ dueOn: '2026-11-30', amountPence: 1000 }]);
    const token = await tokenFor(t.db, t.councilId, team.manager);
    const batch = {
      payments: [{ account: found.accountRef, date: '2026-11-23', amountPence: 400, reference: 'API-1' }],
    };
    const client = t.client();
    const first = await client.api('POST', '/api/v1/enforcement/payments', batch, token);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ outcome: 'imported', import: { appliedCount: 1 } });
    expect((await client.api('POST', '/api/v1/enforcement/payments', batch, token)).json().outcome).toBe(
      'already-imported',
    );
    const bad = await client.api(
      'POST',
      '/api/v1/enforcement/payments',
      { payments: [{ ...batch.payments[0], amountPence: 0, reference: 'API-2' }] },
      token,
    );
    expect(bad.statusCode).toBe(400);
    const csv = await t.app.inject({
      method: 'POST',
      url: '/api/v1/enforcement/payment-imports',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', accept: 'application/json' },
      payload: `${found.accountRef},2026-11-23,600,API-3\n`,
    });
    expect(csv.body).toContain('imported');
    expect(csv.statusCode).toBe(200);
    expect((await enf().cases.page(await lead(), found.id)).case.status).toBe('paid');
    const agentToken = await tokenFor(t.db, t.councilId, team.officer);
    expect((await client.api('POST', '/api/v1/enforcement/payments', batch, agentToken)).statusCode).toBe(
      403,
    );
  });

  it('creates, allocates, records the notice and an outcome over the API', async () => {
    const token = await tokenFor(t.db, t.councilId, team.manager);
    const client = t.client();
    const made = aCase();
    const created = await client.api('POST', '/api/v1/enforcement/cases', made, token);
    expect(created.statusCode).toBe(201);
    const id = created.json().case.id as string;
    expect(
      (
        await client.api(
          'POST',
          `/api/v1/enforcement/cases/${id}/allocation`,
          { agentId: team.officer },
          token,
        )
      ).statusCode,
    ).toBe(200);
    const notice = await client.api(
      'POST',
      `/api/v1/enforcement/cases/${id}/notice`,
      { noticeOn: '2026-11-16' },
      token,
    );
    expect(notice.json().earliestTakingControl).toBe('2026-11-25');
    const agentToken = await tokenFor(t.db, t.councilId, team.officer);
    const refused = await client.api(
      'POST',
      `/api/v1/enforcement/cases/${id}/outcomes`,
      {
        kind: 'goods-controlled',
        visitedOn: '2026-11-23',
        present: ['debtor'],
        goods: [{ description: 'Car', valuePence: 100 }],
      },
      agentToken,
    );
    expect(refused.statusCode).toBe(400);
    expect(JSON.stringify(refused.json())).toContain('reg 6');
    const ok = await client.api(
      'POST',
      `/api/v1/enforcement/cases/${id}/outcomes`,
      { kind: 'no-contact', visitedOn: '2026-11-23' },
      agentToken,
    );
    expect(ok.statusCode).toBe(201);
    expect(
      (await client.api('GET', '/api/v1/enforcement/cases', undefined, agentToken))
        .json()
        .items.map((c: { id: string }) => c.id),
    ).toContain(id);
  });

  it('marks an instalment missed after the grace period once, emails the agent once, even run twice at once', async () => {
    const found = await withArrangement(4000, [
      { dueOn: '2026-11-24', amountPence: 2000 },
      { dueOn: '2026-12-01', amountPence: 2000 },
    ]);
    const subject = (ref: string) => `Payment arrangement defaulted: ${ref}`;
    const reference = (await enf().cases.page(await lead(), found.id)).case.reference;
    const emails = () =>
      t.db.selectFrom('outbound_email').select('id').where('subject', '=', subject(reference)).execute();
    t.clock.advance(Date.parse('2026-12-01T08:00:00Z') - t.clock.now().getTime());
    await enf().checkArrangements(t.councilId);
    expect(await emails()).toHaveLength(0);
    t.clock.advance(Date.parse('2026-12-02T08:00:00Z') - t.clock.now().getTime());
    const second = enforcementFor(t).enforcement;
    await Promise.all([enf().checkArrangements(t.councilId), second.checkArrangements(t.councilId)]);
    await enf().checkArrangements(t.councilId);
    expect(await emails()).toHaveLength(1);
    const page = await enf().cases.page(await lead(), found.id);
    expect(page.case.status).toBe('back-for-visit');
    expect(page.arrangement?.status).toBe('defaulted');
    expect(page.arrangement?.instalments.filter((i) => i.missedAt)).toHaveLength(1);
    expect(
      (await enf().plannable(t.councilId, { agentIds: [team.officer], date: '2026-12-02' })).map(
        (c) => c.caseId,
      ),
    ).toContain(found.id);
  });
});
