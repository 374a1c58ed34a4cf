import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../../src/platform/audit/audit-trail.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { uuidv7 } from '../../src/platform/db/ids.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/databases.ts';
import { addTestPerson, personIdByEmail, signedInAs, tokenFor } from '../support/people.ts';

// The filter's two GOV.UK date inputs, as 'day month year' each.
function days(from: string, to: string): string {
  const [fromDay = '', fromMonth = '', fromYear = ''] = from.split(' ');
  const [toDay = '', toMonth = '', toYear = ''] = to.split(' ');
  return new URLSearchParams({
    'from-day': fromDay,
    'from-month': fromMonth,
    'from-year': fromYear,
    'to-day': toDay,
    'to-month': toMonth,
    'to-year': toYear,
  }).toString();
}

describe.each(databaseKinds)('browsing the audit trail on %s', (kind) => {
  let t: TestApp;
  let auditorId: string;
  const giftId = uuidv7();
  const clock = fixedClock(new Date('2026-07-01T22:50:00Z'));

  beforeAll(async () => {
    t = await startTestApp(kind, { clock });
    auditorId = await addTestPerson(t.db, t.councilId, { email: 'aud.itor@probity.test', roles: ['audit'] });
    await addTestPerson(t.db, t.councilId, {
      email: 'ada.admin@probity.test',
      roles: ['officer', 'system-administrator'],
    });
    const admin = await signedInAs(t, 'ada.admin@probity.test');
    const actor = { councilId: t.councilId, personId: auditorId, label: 'Aud Itor' };
    // 22:50 UTC on 1 July is 23:50 on 1 July in London; twenty minutes later it is 2 July there.
    await admin.post('/admin/calendar/overrides', {
      'date-day': '24',
      'date-month': '12',
      'date-year': '2027',
      kind: 'holiday',
      title: 'Closure',
    });
    await appendAudit(
      t.db,
      { councilId: t.councilId, personId: null, label: '=HYPERLINK("http://evil.example")' },
      { action: 'widget.frobbed-twice', recordType: 'widget' },
      clock.now(),
    );
    await appendAudit(
      t.db,
      actor,
      { action: 'gift.recorded', recordType: 'gift', recordId: giftId, after: { reference: 'GH-2026-0004' } },
      clock.now(),
    );
    await appendAudit(
      t.db,
      actor,
      {
        action: 'complaint.received',
        recordType: 'complaint',
        recordId: uuidv7(),
        after: { reference: 'CMP-2026-0113' },
      },
      clock.now(),
    );
    clock.advance(20 * 60_000);
    await admin.post('/admin/calendar/division', { division: 'scotland' });
  });
  afterAll(() => t.close());

  it('filters by person, record type and London calendar day, and names what happened', async () => {
    const auditor = await signedInAs(t, 'aud.itor@probity.test');
    const adminId = await personIdByEmail(t.db, 'ada.admin@probity.test');
    const byPerson = await auditor.get(`/audit?person=${adminId}&recordType=calendar`);
    expect(byPerson.statusCode).toBe(200);
    expect(byPerson.body).toContain('Working day changed');
    expect(byPerson.body).toContain('Bank holidays set to a UK division');
    expect(byPerson.body).not.toContain('calendar.override-set');
    expect(byPerson.body).not.toContain('Person added');
    // 23:50 on 1 July in London, in GOV.UK style.
    expect(byPerson.body).toContain('1 July 2026 at 11:50pm');
    const firstOfJuly = await auditor.get(`/audit?recordType=calendar&${days('1 7 2026', '1 7 2026')}`);
    expect(firstOfJuly.body).toContain('Working day changed');
    expect(firstOfJuly.body).not.toContain('Bank holidays set');
    const secondOfJuly = await auditor.get(`/audit?recordType=calendar&${days('2 7 2026', '2 7 2026')}`);
    expect(secondOfJuly.body).toContain('Bank holidays set');
    expect(secondOfJuly.body).not.toContain('Working day changed');
    expect(secondOfJuly.body).toContain(`/audit/events.csv?recordType=calendar&amp;from-day=2`);
  });

  it('says what is wrong with a bad filter, and keeps what was typed', async () => {
    const auditor = await signedInAs(t, 'aud.itor@probity.test');
    const response = await auditor.get(`/audit?${days('30 2 2026', '1 13 2026')}&person=someone`);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('From date must be a real date');
    expect(response.body).toContain('To date must be a real date');
    expect(response.body).toContain('Select a person from the list');
    expect(response.body).toContain('href="#from-day"');
    expect(response.body).toMatch(/name="from-day"[^>]*value="30"/);
    expect(response.body).not.toContain('/audit/events.csv');
    const backwards = await auditor.get(`/audit?${days('2 7 2026', '1 7 2026')}`);
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('To date must be the same as or after the from date');
    const download = await auditor.get(`/audit/events.csv?${days('30 2 2026', '')}`);
    expect(download.statusCode).toBe(400);
    // A page marker no event can have is the first page.
    for (const before of ['1e20', '99999999999999999999', '-3', 'x'])
      expect((await auditor.get(`/audit?before=${before}`)).statusCode).toBe(200);
  });

  it("shows a record's reference, linked when the viewer may open the record", async () => {
    const auditor = await signedInAs(t, 'aud.itor@probity.test');
    const page = await auditor.get('/audit?recordType=gift');
    expect(page.body).toContain('Gift or hospitality recorded');
    expect(page.body).toContain(`href="/gifts/${giftId}">GH-2026-0004`);
    const complaints = await auditor.get('/audit?recordType=complaint');
    // Audit do not handle complaints: the reference is shown, not linked.
    expect(complaints.body).toContain('CMP-2026-0113');
    expect(complaints.body).not.toContain('href="/complaints/CMP-2026-0113"');
    const unknown = await auditor.get('/audit?recordType=widget');
    expect(unknown.body).toContain('Widget: frobbed twice');
  });

  it('downloads the filtered events as a CSV with names, dates in words and no formulas', async () => {
    const auditor = await signedInAs(t, 'aud.itor@probity.test');
    const response = await auditor.get('/audit/events.csv?recordType=widget');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Event,When,Who,What,Record,Reference,Record id,Before,After');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(',"\'=HYPERLINK(""http://evil.example"")",Widget: frobbed twice,Widget,');
    expect(lines[1]).toContain('1 July 2026 at 11:50pm');
    const all = await auditor.get('/audit/events.csv');
    expect(all.body).toContain('Working day changed');
    expect(all.body).not.toContain('calendar.override-set');
    const exported = await auditor.get('/audit?recordType=audit-trail');
    expect(exported.body).toContain('Audit trail downloaded');
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
