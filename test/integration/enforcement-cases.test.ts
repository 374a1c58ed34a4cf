import { beforeAll, describe, expect, it } from 'vitest';
import { InvalidInput, NotFound } from '../../src/platform/errors.ts';
import type { TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/databases.ts';
import { aCase, outcomeOf, plannedVisitOn, principal, useEnforcementApp } from '../support/enforcement.ts';
import { signedInAs, tokenFor } from '../support/people.ts';
import { auditEvents } from '../support/rows.ts';
import { otherCouncilTeam } from '../support/visits.ts';

// Enforcement cases (DOMAIN.md §5; 004; TCG Regulations 2013 regs 6 and 10). The test clock reads
// Monday 23 November 2026: a notice given on Monday 16 November expires after Tuesday 24 November
// (Sunday 22 not counted), so goods may be taken from Wednesday 25 November.
describe.each(databaseKinds)('enforcement cases on %s', (kind) => {
  const state = useEnforcementApp(kind, 'enf');
  const enf = () => state.services.enforcement;
  let t: TestApp;
  let team: typeof state.team;
  beforeAll(() => {
    ({ t, team } = state);
  });

  const { lead, agent, peer } = state;
  const visitOn = (officerId: string, planDate: string, accountRef: string, purpose?: 'enquiry') =>
    plannedVisitOn(t, {
      officerId,
      responsibleOfficerId: team.responsible,
      planDate,
      accountRef,
      ...(purpose ? { purpose } : {}),
    });
  const created = async (overrides: Parameters<typeof aCase>[0] = {}) => {
    const made = aCase({ agentId: team.officer, ...overrides });
    const { id } = await enf().cases.create(await lead(), made);
    return { id, accountRef: made.accountRef };
  };

  it('creates cases with a reference per council, allocates them, and shows agents only their own', async () => {
    const first = await created({ agentId: null });
    const second = await created();
    const page = await enf().cases.page(await lead(), first.id);
    expect(page.case.reference).toMatch(/^EN-2026-\d{4}$/);
    expect(page.case.status).toBe('open');
    await expect(enf().cases.page(await agent(), first.id)).rejects.toThrow(NotFound);
    await enf().cases.allocate(await lead(), first.id, team.officer, 'req-1');
    expect((await enf().cases.page(await agent(), first.id)).agentName).toBe('enf officer');
    const mine = await enf().cases.list(await agent(), { status: null, agentId: null });
    expect(mine.cases.map((c) => c.id)).toEqual(expect.arrayContaining([first.id, second.id]));
    expect((await enf().cases.list(await peer(), { status: null, agentId: null })).cases).toEqual([]);
    // Need to know: another team's leader neither sees the case nor gets it for their agent.
    const otherLead = await principal(t, team.email('otherManager'));
    await expect(enf().cases.page(otherLead, first.id)).rejects.toThrow(NotFound);
    expect(
      (await enf().cases.list(otherLead, { status: null, agentId: null })).cases.map((c) => c.id),
    ).not.toContain(first.id);
    await expect(enf().cases.allocate(await lead(), first.id, team.peer)).rejects.toThrow(InvalidInput);
    expect(
      await auditEvents(t.db, { action: 'enforcement-case.allocated', recordId: first.id }),
    ).toHaveLength(1);
  });

  it('refuses an agent who is not an active field officer, a duplicate account and bad details', async () => {
    const { accountRef } = await created();
    await expect(enf().cases.create(await lead(), aCase({ accountRef }))).rejects.toThrow(
      /already has an enforcement case/,
    );
    await expect(enf().cases.create(await lead(), aCase({ agentId: team.hr }))).rejects.toThrow(InvalidInput);
    await expect(
      enf().cases.create(await lead(), aCase({ postcode: 'nowhere', balancePence: 0 })),
    ).rejects.toThrow(/postcode.*balance|real postcode/);
  });

  it('counts the notice’s 7 clear days: not plannable, nor goods taken, before they pass', async () => {
    const recent = await created({ noticeOn: '2026-11-16' });
    const expired = await created({ noticeOn: '2026-11-02' });
    const unnoticed = await created();
    const plannableOn = async (date: string) =>
      (await enf().plannable(t.councilId, { agentIds: [team.officer], date })).map((c) => c.caseId);
    expect(await plannableOn('2026-11-24')).not.toContain(recent.id);
    expect(await plannableOn('2026-11-25')).toContain(recent.id);
    expect(await plannableOn('2026-11-23')).toContain(expired.id);
    expect(await plannableOn('2030-01-01')).not.toContain(unnoticed.id);
    expect(await enf().takingControlFrom(t.councilId, recent.accountRef)).toBe('2026-11-25');
    expect(await enf().takingControlFrom(t.councilId, 'NOT-A-CASE')).toBeNull();
    const goods = outcomeOf({
      kind: 'goods-controlled',
      goods: [{ description: 'Television', valuePence: 25_000 }],
    });
    await expect(enf().outcomes.record(await agent(), recent.id, goods)).rejects.toThrow(/from 2026-11-25/);
    await expect(
      enf().outcomes.record(await agent(), expired.id, { ...goods, present: ['child'] }),
    ).rejects.toThrow(
      /only people present are children or vulnerable people \(Taking Control of Goods Regulations 2013 reg 10\)/,
    );
    await expect(enf().outcomes.record(await peer(), expired.id, goods)).rejects.toThrow(NotFound);
    await enf().outcomes.record(await agent(), expired.id, goods);
    const page = await enf().cases.page(await agent(), expired.id);
    expect(page.case.status).toBe('goods-controlled');
    expect(page.outcomes[0]?.goods).toEqual([{ description: 'Television', valuePence: 25_000 }]);
    expect(await plannableOn('2026-11-23')).not.toContain(expired.id);
  });

  it('has visits refuse a taking-control visit planned before the notice expires', async () => {
    const recent = await created({ noticeOn: '2026-11-16' });
    const early = await visitOn(team.officer, '2026-11-24', recent.accountRef);
    const browser = await signedInAs(t, team.email('officer'));
    const page = await browser.get(`/visits/plans/${early.planId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Taking Control of Goods Regulations 2013 reg 6');
    const later = await visitOn(team.peer, '2026-11-25', recent.accountRef);
    const peerBrowser = await signedInAs(t, team.email('peer'));
    expect((await peerBrowser.get(`/visits/plans/${later.planId}`)).body).not.toContain('reg 6');
  });

  it('suspends recovery on vulnerability: hold placed, not plannable, future visit dropped, lifted by the line manager', async () => {
    const found = await created({ noticeOn: '2026-11-02' });
    const tomorrow = await visitOn(team.officer, '2026-11-26', found.accountRef, 'enquiry');
    await enf().outcomes.record(
      await agent(),
      found.id,
      outcomeOf({ present: ['other-adult'], vulnerability: 'Debtor recently bereaved and in hospital' }),
    );
    const held = await state.services.visits.records.recoveryHeld(t.councilId, found.accountRef);
    expect(held?.reason).toBe('Debtor recently bereaved and in hospital');
    expect(held?.visitId).toBeNull();
    const page = await enf().cases.page(await agent(), found.id);
    expect(page.held).not.toBeNull();
    expect(
      (await enf().plannable(t.councilId, { agentIds: [team.officer], date: '2026-11-25' })).map(
        (c) => c.caseId,
      ),
    ).not.toContain(found.id);
    const visit = await t.db
      .selectFrom('planned_visit')
      .select(['dropped_at', 'dropped_reason'])
      .where('id', '=', tomorrow.visitId)
      .executeTakeFirstOrThrow();
    expect(visit.dropped_at).not.toBeNull();
    expect(visit.dropped_reason).toMatch(/Recovery action suspended/);
    const manager = await signedInAs(t, team.email('manager'));
    const casePage = await manager.get(`/enforcement/cases/${found.id}`);
    expect(casePage.body).toContain('Recovery suspended');
    await state.services.visits.records.liftHold(
      await lead(),
      held?.id ?? '',
      'Assessed: may resume',
      'req-lift',
    );
    expect(await state.services.visits.records.recoveryHeld(t.councilId, found.accountRef)).toBeNull();
  });

  it('takes a payment with its receipt, and makes an arrangement from its defaults', async () => {
    const found = await created({ noticeOn: '2026-11-02', balancePence: 10_001 });
    const taken = (receiptNumber: string) =>
      outcomeOf({ kind: 'payment-taken', amountPence: 1, receiptNumber });
    await expect(enf().outcomes.record(await agent(), found.id, taken(''))).rejects.toThrow(
      'Enter the manual receipt number',
    );
    await enf().outcomes.record(await agent(), found.id, taken('R-77'));
    const defaults = await enf().outcomes.arrangementDefaults(await agent(), found.id);
    expect(defaults.map((i) => i.amountPence)).toEqual([2500, 2500, 2500, 2500]);
    expect(defaults[0]?.dueOn).toBe('2026-11-30');
    await enf().outcomes.record(
      await agent(),
      found.id,
      outcomeOf({ kind: 'arrangement', instalments: defaults }),
    );
    const page = await enf().cases.page(await agent(), found.id);
    expect(page.case.status).toBe('arrangement');
    expect(page.arrangement?.instalments).toHaveLength(4);
    expect(page.outstandingPence).toBe(10_000);
  });

  it('serves the pages: list, new case, allocation, notice and the outcome form with reg 10’s refusal', async () => {
    const manager = await signedInAs(t, team.email('manager'));
    expect((await manager.get('/enforcement/cases/new')).statusCode).toBe(200);
    const made = await manager.post('/enforcement/cases/new', {
      kind: 'council-tax',
      accountRef: 'CT-PAGE-1',
      debtorName: 'Page Debtor',
      address: '9 Form Street, Demoton',
      postcode: 'DM9 9ZZ',
      premises: 'domestic',
      balance: '120.50',
      'liabilityOrderOn-day': '1',
      'liabilityOrderOn-month': '9',
      'liabilityOrderOn-year': '2026',
      liabilityOrderCourt: 'Demoton Magistrates’ Court',
      agentId: team.officer,
    });
    expect(made.statusCode).toBe(303);
    const url = String(made.headers.location);
    expect((await manager.get(`${url}/allocate`)).body).toContain('enf officer');
    expect((await manager.get(`${url}/notice`)).statusCode).toBe(200);
    const notice = await manager.post(`${url}/notice`, {
      'noticeOn-day': '2',
      'noticeOn-month': '11',
      'noticeOn-year': '2026',
    });
    expect(notice.statusCode).toBe(303);
    const casePage = await manager.get(url);
    expect(casePage.body).toContain('11 November 2026');
    expect((await manager.get('/enforcement?status=open')).body).toContain('Page Debtor');
    const officer = await signedInAs(t, team.email('officer'));
    const form = await officer.get(`${url}/outcome`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('30.12');
    const refused = await officer.post(`${url}/outcome`, [
      ['kind', 'goods-controlled'],
      ['visitedOn-day', '23'],
      ['visitedOn-month', '11'],
      ['visitedOn-year', '2026'],
      ['present', 'child'],
      ['goods', 'Television, 100'],
    ]);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Taking Control of Goods Regulations 2013 reg 10');
    expect((await officer.get('/enforcement')).body).toContain('Page Debtor');
  });

  it('keeps each council’s cases to itself', async () => {
    const found = await created();
    const other = await otherCouncilTeam(t);
    const outsider = await principal(t, other.email('manager'), other.councilId);
    await expect(enf().cases.page(outsider, found.id)).rejects.toThrow(NotFound);
    await expect(enf().cases.allocate(outsider, found.id, other.officer)).rejects.toThrow(NotFound);
    expect((await enf().cases.list(outsider, { status: null, agentId: null })).cases).toEqual([]);
    expect(await enf().takingControlFrom(other.councilId, found.accountRef)).toBeNull();
    const token = await tokenFor(t.db, other.councilId, other.manager);
    const response = await t.client().api('GET', `/api/v1/enforcement/cases/${found.id}`, undefined, token);
    expect(response.statusCode).toBe(404);
  });
});
