import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoEnforcement } from '../../src/modules/enforcement/service.ts';
import { organisationService } from '../../src/modules/organisation/service.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/databases.ts';
import { enforcementFor, principal } from '../support/enforcement.ts';

const addresses = [
  { uprn: '100000000001', address: '1 Gazetteer Road, Demoton', postcode: 'DM1 1AA' },
  { uprn: '100000000002', address: '2 Gazetteer Road, Demoton', postcode: 'DM1 1AB' },
  { uprn: '100000000003', address: '3 Gazetteer Road, Demoton', postcode: 'DM1 1AD' },
];

// The demo caseload the route planner starts from (DOMAIN.md §5; 004).
describe.each(databaseKinds)('the demo enforcement caseload on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('seeds about 40 cases among the four agents at the addresses given, once', async () => {
    const base = { db: t.db, clock: t.clock, outbox: t.outbox, baseUrl: 'http://probity.test' };
    const deps = { db: t.db, clock: t.clock, organisation: organisationService(base) };
    expect(await seedDemoEnforcement(deps, t.councilId, addresses)).toBe(true);
    expect(await seedDemoEnforcement(deps, t.councilId, addresses)).toBe(false);
    const lead = await principal(t, 'dean.walsh@demo.probity.test');
    const { enforcement } = enforcementFor(t);
    const { cases } = await enforcement.cases.list(lead, { status: null, agentId: null });
    expect(cases).toHaveLength(40);
    expect(new Set(cases.map((c) => c.agentId)).size).toBe(4);
    expect(cases.every((c) => addresses.some((a) => a.uprn === c.uprn))).toBe(true);
    expect(cases.filter((c) => c.premises === 'business' && c.tradingHours)).toHaveLength(2);
    expect(cases.filter((c) => c.appointment)).toHaveLength(2);
    expect(cases.filter((c) => c.status === 'back-for-visit')).toHaveLength(1);
    expect(cases.filter((c) => c.status === 'arrangement')).toHaveLength(1);
    const agentIds = [...new Set(cases.map((c) => c.agentId ?? ''))];
    const today = await enforcement.plannable(t.councilId, { agentIds, date: '2026-11-23' });
    expect(today.length).toBeGreaterThan(25);
    expect(today.length).toBeLessThan(40);
    expect(today.some((c) => c.appointment !== null)).toBe(true);
  });
});
