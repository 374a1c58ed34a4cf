import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCouncil } from '../../src/modules/organisation/councils/demo-council.ts';
import { policyFields } from '../../src/modules/organisation/policy-settings/catalogue.ts';
import { toFormValue } from '../../src/modules/organisation/policy-settings/form.ts';
import { readPolicy } from '../../src/modules/organisation/policy-settings/settings.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/databases.ts';
import { addTestPerson, signedInAs } from '../support/people.ts';

// The form as a browser sends it, starting from the demo council's settings: one entry for each
// ticked checkbox.
function policyForm(overrides: Record<string, string>): [string, string][] {
  const defaults = readPolicy(demoCouncil.policy) as Record<string, unknown>;
  return policyFields.flatMap((field): [string, string][] => {
    const value = overrides[field.key] ?? toFormValue(field, defaults[field.key]);
    // Checkboxes: one field a ticked box; none ticked posts nothing.
    return field.kind === 'choices'
      ? value
          .split(',')
          .filter(Boolean)
          .map((item) => [field.key, item])
      : [[field.key, value]];
  });
}

describe.each(databaseKinds)('policy settings and the calendar on %s', (kind) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(kind);
    await addTestPerson(t.db, t.councilId, {
      email: 'ada.admin@probity.test',
      roles: ['officer', 'system-administrator'],
    });
  });
  afterAll(() => t.close());

  it('refuses bad values with a message for each, and changes nothing', async () => {
    const admin = await signedInAs(t, 'ada.admin@probity.test');
    const response = await admin.post(
      '/admin/policy',
      policyForm({
        giftRecordingThresholdPence: '-5',
        sessionIdleMinutes: 'soon',
        outOfHoursFrom: '25:00',
        complaintRegime: 'whatever',
      }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Recording threshold must be an amount in pounds, like 50 or 20.00');
    expect(response.body).toContain('Sign out after inactivity must be a whole number');
    expect(response.body).toContain('Out-of-hours work starts at must be a 24-hour time, like 18:00');
    expect(response.body).toContain('Select complaint handling regime');
    expect(response.body).toContain('value="soon"');
    const stored = await t.db
      .selectFrom('council_policy')
      .select('settings')
      .where('council_id', '=', t.councilId)
      .executeTakeFirstOrThrow();
    expect(stored.settings).toMatchObject({ giftRecordingThresholdPence: 5000, sessionIdleMinutes: 30 });
  });

  it('saves a change, audits what changed, and applies it at once', async () => {
    const admin = await signedInAs(t, 'ada.admin@probity.test');
    const response = await admin.post(
      '/admin/policy',
      policyForm({ giftRecordingThresholdPence: '20', sessionIdleMinutes: '5' }),
    );
    expect(response.statusCode).toBe(303);
    const page = await admin.get('/admin/policy?saved=1');
    expect(page.body).toContain('value="20.00"');
    const event = await t.db
      .selectFrom('audit_event')
      .select(['before', 'after'])
      .where('action', '=', 'policy.updated')
      .executeTakeFirstOrThrow();
    expect(event.before).toEqual({ giftRecordingThresholdPence: 5000, sessionIdleMinutes: 30 });
    expect(event.after).toEqual({ giftRecordingThresholdPence: 2000, sessionIdleMinutes: 5 });
    t.clock.advance(6 * 60_000);
    expect((await admin.get('/admin/policy')).statusCode).toBe(302);
  });

  it('shows the council’s own names for the policies the rules cite, linked where it publishes them', async () => {
    const admin = await signedInAs(t, 'ada.admin@probity.test');
    const before = await admin.get('/interests');
    expect(before.body).toContain('(Officers’ Code of Conduct, paragraph 42)');
    expect(before.body).not.toContain('001 §42');

    const refused = await admin.post(
      '/admin/policy',
      policyForm({ officersCodeName: ' ', officersCodeUrl: 'http://demo.example/code' }),
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Enter the name of the officers’ code of conduct');
    expect(refused.body).toContain(
      'Web address of the officers’ code of conduct must be a web address starting with https://',
    );
    expect((await admin.get('/interests')).body).toContain('(Officers’ Code of Conduct, paragraph 42)');

    const saved = await admin.post(
      '/admin/policy',
      policyForm({ officersCodeName: 'Staff Code', officersCodeUrl: 'https://demo.example/staff-code' }),
    );
    expect(saved.statusCode).toBe(303);
    expect((await admin.get('/interests')).body).toContain(
      '(<a class="govuk-link" href="https://demo.example/staff-code">Staff Code</a>, paragraph 42)',
    );
    const event = await t.db
      .selectFrom('audit_event')
      .select(['before', 'after'])
      .where('action', '=', 'policy.updated')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(event.before).toMatchObject({
      officersCodeName: 'Officers’ Code of Conduct',
      officersCodeUrl: '',
    });
    expect(event.after).toMatchObject({
      officersCodeName: 'Staff Code',
      officersCodeUrl: 'https://demo.example/staff-code',
    });
  });

  it('changes the bank holiday division and adds council closure days', async () => {
    const admin = await signedInAs(t, 'ada.admin@probity.test');
    expect((await admin.post('/admin/calendar/division', { division: 'scotland' })).statusCode).toBe(303);
    const bad = await admin.post('/admin/calendar/overrides', {
      'date-day': '31',
      'date-month': '2',
      'date-year': '2027',
      kind: 'holiday',
      title: '',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter a real date');
    expect(bad.body).toContain('Enter a description');
    const good = await admin.post('/admin/calendar/overrides', {
      'date-day': '24',
      'date-month': '12',
      'date-year': '2027',
      kind: 'holiday',
      title: 'Council closure day',
    });
    expect(good.statusCode).toBe(303);
    const page = await admin.get('/admin/calendar');
    expect(page.body).toContain('Scotland bank holidays');
    expect(page.body).toContain('Council closure day');
    expect(page.body).toContain('24 December 2027');
    expect((await admin.post('/admin/calendar/overrides/2027-12-24/remove')).statusCode).toBe(303);
    expect((await admin.get('/admin/calendar')).body).not.toContain('Council closure day');
  });
});
