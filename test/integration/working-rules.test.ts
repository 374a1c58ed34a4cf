import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationService } from '../../src/modules/organisation/service.ts';
import { resolveSession, startSession } from '../../src/platform/auth/sessions.ts';
import { isWorkingDay } from '../../src/platform/calendar/working-days.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/databases.ts';
import { personIdByEmail } from '../support/people.ts';

// A page may keep the council's working rules it parsed while the version that its request was
// identified with is the same; every change moves the version, whoever makes it, so a kept copy is
// never out of date.
describe.each(databaseKinds)('the working rules a page keeps, on %s', (kind) => {
  let t: TestApp;
  let organisation: ReturnType<typeof organisationService>;

  beforeAll(async () => {
    t = await startTestApp(kind);
    organisation = organisationService({
      db: t.db,
      clock: t.clock,
      outbox: t.outbox,
      baseUrl: 'http://probity.test',
    });
  });
  afterAll(() => t.close());

  // The version as the next request would be identified with it.
  async function versionNow() {
    const personId = await personIdByEmail(t.db, 'james.oneill@demo.probity.test');
    const cookie = await startSession(t.db, { councilId: t.councilId, personId }, t.clock.now());
    const principal = await resolveSession(t.db, cookie, t.clock.now(), () => 30);
    if (!principal) throw new Error('The session was not found');
    return principal.councilRulesVersion;
  }

  // The rules a request identified after the change is given, once the change has moved the version.
  async function rulesAfter(change: () => Promise<unknown>) {
    const before = await versionNow();
    await change();
    const version = await versionNow();
    expect(version).toBeGreaterThan(before);
    return organisation.policyAndCalendar(t.councilId, version);
  }

  it('keeps the rules while the version stands, and follows every change at once', async () => {
    const first = await versionNow();
    const rules = await organisation.policyAndCalendar(t.councilId, first);
    expect(await organisation.policyAndCalendar(t.councilId, first)).toBe(rules);

    // A policy setting changed outside Probity's own forms (by SQL, as an operator might).
    const changed = await rulesAfter(() =>
      sql`update council_policy set settings = jsonb_set(settings, '{complaintReminderWorkingDays}', '4')
        where council_id = ${t.councilId}`.execute(t.db),
    );
    expect(changed.policy.complaintReminderWorkingDays).toBe(4);
    // A request identified just before the change reads the rules again rather than trusting its copy.
    expect(
      (await organisation.policyAndCalendar(t.councilId, first)).policy.complaintReminderWorkingDays,
    ).toBe(4);

    const closed = await rulesAfter(() =>
      t.db
        .insertInto('calendar_override')
        .values({ council_id: t.councilId, day: '2026-12-30', kind: 'holiday', title: 'Council closure' })
        .execute(),
    );
    expect(isWorkingDay(closed.calendar, '2026-12-30')).toBe(false);

    const reopened = await rulesAfter(() =>
      t.db.deleteFrom('calendar_override').where('council_id', '=', t.councilId).execute(),
    );
    expect(isWorkingDay(reopened.calendar, '2026-12-30')).toBe(true);

    // St Andrew's Day is a bank holiday in Scotland only.
    expect(isWorkingDay(reopened.calendar, '2026-11-30')).toBe(true);
    const scottish = await rulesAfter(() =>
      t.db
        .updateTable('council')
        .set({ division: 'scotland' })
        .where('council_id', '=', t.councilId)
        .execute(),
    );
    expect(isWorkingDay(scottish.calendar, '2026-11-30')).toBe(false);

    // Renaming the council is not a change of its rules.
    const version = await versionNow();
    await t.db
      .updateTable('council')
      .set({ name: 'Renamed District Council' })
      .where('council_id', '=', t.councilId)
      .execute();
    expect(await versionNow()).toBe(version);
  });

  it('moves the version when an administrator changes the policy through Probity', async () => {
    const adminId = await personIdByEmail(t.db, 'chris.taylor@demo.probity.test');
    const current = await organisation.policy(t.councilId);
    const changed = await rulesAfter(() =>
      organisation.updatePolicy(
        { councilId: t.councilId, personId: adminId, label: 'Chris Taylor' },
        { ...current, complaintReminderWorkingDays: 3 },
      ),
    );
    expect(changed.policy.complaintReminderWorkingDays).toBe(3);
  });
});
