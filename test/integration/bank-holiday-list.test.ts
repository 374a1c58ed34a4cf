import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCouncil } from '../../src/modules/organisation/councils/set-up.ts';
import {
  type BankHolidayList,
  divisions,
  ruleBankHolidays,
  shippedBankHolidays,
} from '../../src/platform/calendar/working-days.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { csrfOf, postMultipart } from '../support/complaint-intake.ts';
import { databaseKinds } from '../support/databases.ts';
import { addTestPerson, signedInAs } from '../support/people.ts';

// An administrator refreshes GOV.UK's bank holiday list from the file downloaded from GOV.UK, and
// is warned from a year before the list in use ends.

// GOV.UK's list as it might be published in 2028: the shipped years, 2029 to 2031, and a one-off
// bank holiday proclaimed for 5 June 2028.
const oneOff = { title: 'A proclaimed bank holiday', date: '2028-06-05' };
const published = Object.fromEntries(
  divisions.map((division) => [
    division,
    {
      division,
      events: [
        ...shippedBankHolidays[division].events,
        ...[2029, 2030, 2031].flatMap((year) => ruleBankHolidays(division, year)),
        oneOff,
      ].map((day) => ({ ...day, notes: '', bunting: true })),
    },
  ]),
) as unknown as BankHolidayList;

describe.each(databaseKinds)('the bank holiday list on %s', (kind) => {
  let t: TestApp;
  const clock = fixedClock(new Date('2028-03-01T10:00:00Z'));
  const email = `bank.holidays.${kind}@probity.test`;
  beforeAll(async () => {
    t = await startTestApp(kind, { clock });
    await addTestPerson(t.db, t.councilId, { email, roles: ['officer', 'system-administrator'] });
  });
  afterAll(() => t.close());

  const upload = async (content: string) => {
    const admin = await signedInAs(t, email);
    const page = await admin.get('/admin/calendar');
    return postMultipart(
      t,
      admin,
      '/admin/calendar/bank-holidays',
      { _csrf: csrfOf(page.body) },
      {
        field: 'file',
        name: 'bank-holidays.json',
        type: 'application/json',
        content: Buffer.from(content),
      },
    );
  };

  it('warns administrators from a year before the list in use ends, on the page and at home', async () => {
    const admin = await signedInAs(t, email);
    const page = await admin.get('/admin/calendar');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('id="bank-holiday-list-warning"');
    expect(page.body).toContain('The bank holiday list ends on 31 December 2028');
    expect(page.body).toContain('New Year’s Day (worked out from the rules)');
    const home = await admin.get('/');
    expect(home.body).toContain('Upload GOV.UK’s bank holiday list: the one in use is ending');
  });

  it('refuses a file that is not GOV.UK’s list, and keeps the list it has', async () => {
    const notJson = await upload('{"england-and-wales": ');
    expect(notJson.statusCode).toBe(400);
    expect(notJson.body).toContain('There is a problem');
    expect(notJson.body).toContain('this file is not JSON');
    const gap = await upload(
      JSON.stringify({
        ...published,
        scotland: { events: published.scotland.events.filter((day) => !day.date.startsWith('2030')) },
      }),
    );
    expect(gap.statusCode).toBe(400);
    expect(gap.body).toContain('Scotland has no bank holidays in 2030');
    const stored = await t.db.selectFrom('bank_holiday_list').selectAll().execute();
    expect(stored).toHaveLength(0);
  });

  it('takes GOV.UK’s newer list, uses it for deadlines and audits who uploaded it', async () => {
    const sent = await upload(JSON.stringify(published));
    expect(sent.statusCode, sent.body).toBe(303);
    const admin = await signedInAs(t, email);
    const page = await admin.get('/admin/calendar');
    expect(page.body).toContain('from 1 January 2018 to 31 December 2031, uploaded by');
    expect(page.body).toContain('Upload GOV.UK’s bank holiday list');
    expect(page.body).not.toContain('id="bank-holiday-list-warning"');
    expect(page.body).toContain('A proclaimed bank holiday');
    expect(page.body).not.toContain('(worked out from the rules)');
    expect(page.body).toContain('GOV.UK snapshot 2018–2031');
    expect((await admin.get('/')).body).not.toContain('Upload GOV.UK’s bank holiday list');
    const event = await t.db
      .selectFrom('audit_event')
      .select(['action', 'after'])
      .where('council_id', '=', t.councilId)
      .where('action', '=', 'calendar.bank-holidays-replaced')
      .executeTakeFirstOrThrow();
    expect(event.after).toEqual({ from: '2018-01-01', to: '2031-12-31' });
  });

  it('is the uploading council’s only: another council keeps the shipped list', async () => {
    const { councilId } = await t.db.transaction().execute((trx) =>
      createCouncil(
        trx,
        {
          name: 'Other Borough Council',
          slug: 'other-bank-holidays',
          division: 'scotland',
          directorates: [],
        },
        t.clock.now(),
      ),
    );
    const otherEmail = `other.admin.${kind}@probity.test`;
    await addTestPerson(t.db, councilId, { email: otherEmail, roles: ['officer', 'system-administrator'] });
    const other = await signedInAs(t, otherEmail);
    const page = await other.get('/admin/calendar');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('to 31 December 2028, as shipped with Probity');
    expect(page.body).toContain('id="bank-holiday-list-warning"');
    expect(page.body).not.toContain('A proclaimed bank holiday');
  });
});
