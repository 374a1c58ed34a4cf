import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/platform/clock.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/databases.ts';
import { addTestPerson, personIdByEmail, signedInAs, tokenFor } from '../support/people.ts';

describe.each(databaseKinds)('browsing the audit trail on %s', (kind) => {
  let t: TestApp;
  let auditorId: string;
  const clock = fixedClock(new Date('2026-07-01T22:50:00Z'));

  beforeAll(async () => {
    t = await startTestApp(kind, { clock });
    auditorId = await addTestPerson(t.db, t.councilId, { email: 'aud.itor@probity.test', roles: ['audit'] });
    await addTestPerson(t.db, t.councilId, {
      email: 'ada.admin@probity.test',
      roles: ['officer', 'system-administrator'],
    });
    const admin = await signedInAs(t, 'ada.admin@probity.test');
    // 22:50 UTC on 1 July is 23:50 on 1 July in London; twenty minutes later it is 2 July there.
    await admin.post('/admin/calendar/overrides', {
      'date-day': '24',
      'date-month': '12',
      'date-year': '2027',
      kind: 'holiday',
      title: 'Closure',
    });
    clock.advance(20 * 60_000);
    await admin.post('/admin/calendar/division', { division: 'scotland' });
  });
  afterAll(() => t.close());

  it('filters by person, record type and London calendar day', async () => {
    const auditor = await signedInAs(t, 'aud.itor@probity.test');
    const adminId = await personIdByEmail(t.db, 'ada.admin@probity.test');
    const byPerson = await auditor.get(`/audit?person=${adminId}&recordType=calendar`);
    expect(byPerson.statusCode).toBe(200);
    expect(byPerson.body).toContain('calendar.override-set');
    expect(byPerson.body).toContain('calendar.division-set');
    expect(byPerson.body).not.toContain('person.created');
    const firstOfJuly = await auditor.get(`/audit?recordType=calendar&from=2026-07-01&to=2026-07-01`);
    expect(firstOfJuly.body).toContain('calendar.override-set');
    expect(firstOfJuly.body).not.toContain('calendar.division-set');
    const secondOfJuly = await auditor.get(`/audit?recordType=calendar&from=2026-07-02&to=2026-07-02`);
    expect(secondOfJuly.body).toContain('calendar.division-set');
    expect(secondOfJuly.body).not.toContain('calendar.override-set');
  });

  it('says what is wrong with a bad filter', async () => {
    const auditor = await signedInAs(t, 'aud.itor@probity.test');
    const response = await auditor.get('/audit?from=2026-02-30&to=yesterday&person=someone');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('From date must be a real date, like 2026-11-23');
    expect(response.body).toContain('To date must be a real date, like 2026-11-23');
    expect(response.body).toContain('Select a person from the list');
  });

  it('serves the same trail through the API, newest first, a page at a time', async () => {
    const token = await tokenFor(t.db, t.councilId, auditorId, 'read');
    const client = t.client();
    const first = (await client.api('GET', '/api/v1/audit-events?limit=3', undefined, token)).json() as {
      items: { seq: number; hash: string }[];
      nextCursor: number;
    };
    expect(first.items.map((e) => e.seq)).toEqual([...first.items.map((e) => e.seq)].sort((a, b) => b - a));
    const second = (
      await client.api('GET', `/api/v1/audit-events?limit=3&cursor=${first.nextCursor}`, undefined, token)
    ).json() as { items: { seq: number }[] };
    expect(second.items[0]?.seq).toBe((first.items.at(-1)?.seq ?? 0) - 1);
    const bad = await client.api('GET', '/api/v1/audit-events?limit=5000', undefined, token);
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });
});
