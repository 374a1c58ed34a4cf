import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/platform/clock.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demo, demoClients, demoPersonId } from '../support/clients.ts';
import { databaseKinds } from '../support/databases.ts';
import { addTestPerson, signedInAs } from '../support/people.ts';
import {
  addAVisit,
  alertsOf,
  checkInsOwed,
  planADay,
  shareThePlan,
  visitFields,
} from '../support/visit-plans.ts';

// A missed check-in escalates (DOMAIN.md §5, policy 15, 30 and 45 minutes after it was due):
// responsible officer, line manager, emergency; an acknowledgement stops the next level; "need
// help now" tells everyone at once; each alert is raised and sent once.

const monday = '2026-11-23';
const at = (time: string) => new Date(`${monday}T${time}Z`); // GMT in November

describe.each(databaseKinds)('missed check-ins on %s', (kind) => {
  let t: TestApp;
  const clock = fixedClock(at('09:00:00'));
  const client = demoClients(() => t);
  let contact: string;
  let contactEmail: string;
  const sweep = () => t.jobs.find((job) => job.name === 'missed check-in alerts')?.run();
  const mailTo = (email: string) => t.smtp.received.filter((mail) => mail.to === email);

  beforeAll(async () => {
    t = await startTestApp(kind, { clock });
    contactEmail = 'grace.contact@demo.probity.test';
    contact = await addTestPerson(t.db, t.councilId, {
      email: contactEmail,
      roles: ['officer', 'responsible-officer'],
      name: 'Grace Contact',
    });
    await t.db.updateTable('person').set({ mobile: '07700 900123' }).where('id', '=', contact).execute();
  });
  afterAll(() => t?.close());

  async function sharedDay(officer: string, visit: Record<string, string> = {}) {
    const browser = await client(officer);
    const planId = await planADay(browser, { date: monday, responsibleOfficerId: contact });
    await addAVisit(browser, planId, visit);
    await shareThePlan(browser, planId);
    return { browser, planId };
  }

  it('shares the diary sheet with the responsible officer and the line manager', async () => {
    clock.set(at('09:00:00'));
    const { planId } = await sharedDay('kelly.morgan');
    const sheets = t.smtp.received.filter((mail) => mail.subject.startsWith('Diary sheet: Kelly Morgan'));
    expect(sheets.map((mail) => mail.to).sort()).toEqual([contactEmail, demo('dean.walsh')].sort());
    expect(sheets[0]?.attachments[0]?.contentType).toBe('application/pdf');
    expect((await checkInsOwed(t, planId)).map((owed) => owed.due_at.toISOString())).toEqual([
      at('10:30:00').toISOString(),
      at('16:00:00').toISOString(),
    ]);
  });

  it('raises each level one minute past its time, once, and an acknowledgement stops the next', async () => {
    clock.set(at('09:00:00'));
    const { planId } = await sharedDay('bethany.cole', { address: '7 Quiet Lane, Demoton AB1 3EF' });
    const levels = async () => (await alertsOf(t, planId)).map((alert) => alert.level);
    clock.set(at('10:44:59'));
    await sweep();
    expect(await levels()).toEqual([]);
    clock.set(at('10:46:00'));
    await sweep();
    await sweep();
    expect(await levels()).toEqual(['responsible']);
    expect(
      mailTo(contactEmail).filter((mail) => mail.subject.startsWith('Late check-in: Bethany Cole')),
    ).toHaveLength(1);
    const texts = t.notify.received.filter((text) => text.body.startsWith('Late check-in: Bethany Cole'));
    expect(texts.map((text) => text.phoneNumber)).toEqual(['07700 900123']);
    clock.set(at('11:01:00'));
    await Promise.all([sweep(), sweep()]);
    expect(await levels()).toEqual(['responsible', 'manager']);
    expect(
      mailTo(demo('dean.walsh')).filter((mail) => mail.subject.startsWith('Late check-in: Bethany Cole')),
    ).toHaveLength(1);

    const manager = await client('dean.walsh');
    const managerAlert = (await alertsOf(t, planId)).find((alert) => alert.level === 'manager');
    const page = await manager.get(`/visits/alerts/${managerAlert?.id}`);
    expect(page.body).toContain('Bethany Cole has not checked in');
    const acknowledged = await manager.post(`/visits/alerts/${managerAlert?.id}/acknowledge`, {
      note: 'Calling her now',
    });
    expect(acknowledged.statusCode).toBe(303);
    clock.set(at('11:16:00'));
    await sweep();
    expect(await levels()).toEqual(['responsible', 'manager']);
  });

  it('reaches the emergency step with what the police need when nobody acknowledges', async () => {
    clock.set(at('09:00:00'));
    const { planId } = await sharedDay('owen.rees', { address: '3 Far Row, Demoton AB9 9ZZ' });
    clock.set(at('11:16:00'));
    await sweep();
    expect((await alertsOf(t, planId)).map((alert) => alert.level)).toEqual([
      'responsible',
      'manager',
      'emergency',
    ]);
    const emergency = mailTo(contactEmail).find((mail) => mail.subject.startsWith('EMERGENCY: Owen Rees'));
    expect(emergency?.text).toContain('call the police on 999');
    expect(emergency?.text).toContain('Last known visit: 3 Far Row, Demoton AB9 9ZZ');
    const console = await (await signedInAs(t, contactEmail)).get('/visits/console');
    expect(console.body).toMatch(
      /Owen Rees<\/a><\/th>\s*<td class="govuk-table__cell"><strong class="govuk-tag govuk-tag--red">Alarm/,
    );
  });

  it('resolves the alerts when the officer checks in late, and a second tap changes nothing', async () => {
    clock.set(at('09:00:00'));
    const { planId } = await sharedDay('imran.siddiqui', { address: '9 Mill Road, Demoton AB2 1AA' });
    clock.set(at('10:50:00'));
    await sweep();
    client.forget();
    const browser = await client('imran.siddiqui');
    const [owed] = await checkInsOwed(t, planId);
    const first = await browser.post(`/visits/plans/${planId}/check-ins/${owed?.id}`);
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toContain('done=checked-in');
    const again = await browser.post(`/visits/plans/${planId}/check-ins/${owed?.id}`);
    expect(again.headers.location).toContain('done=already-checked-in');
    expect((await alertsOf(t, planId)).every((alert) => alert.resolved_at !== null)).toBe(true);
    expect(
      mailTo(contactEmail).filter((mail) => mail.subject === 'Imran Siddiqui has checked in'),
    ).toHaveLength(1);
    clock.set(at('11:20:00'));
    await sweep();
    expect((await alertsOf(t, planId)).map((alert) => alert.level)).toEqual(['responsible']);
  });

  it('sends "need help now" to every level at once, and a second press raises nothing new', async () => {
    clock.set(at('09:00:00'));
    const { planId } = await sharedDay('peter.green', { address: '2 Hill Top, Demoton AB3 3CC' });
    clock.set(at('10:10:00'));
    client.forget();
    const browser = await client('peter.green');
    const pressed = await browser.post(`/visits/plans/${planId}/help`);
    expect(pressed.headers.location).toContain('done=help');
    expect((await browser.post(`/visits/plans/${planId}/help`)).headers.location).toContain(
      'done=help-already',
    );
    expect((await alertsOf(t, planId)).map((alert) => alert.level).sort()).toEqual([
      'emergency',
      'manager',
      'responsible',
    ]);
    const helpMail = t.smtp.received.filter((mail) => mail.subject.startsWith('NEED HELP NOW: Peter Green'));
    expect(helpMail.map((mail) => mail.to).sort()).toEqual([contactEmail, demo('fiona.mcleod')].sort());
  });

  it('refuses another officer’s check-in, and a plan from another officer’s view', async () => {
    const kelly = await demoPersonId(t, 'kelly.morgan');
    const { id: kellyPlan } = await t.db
      .selectFrom('visit_plan')
      .select('id')
      .where('council_id', '=', t.councilId)
      .where('officer_id', '=', kelly)
      .executeTakeFirstOrThrow();
    const [owed] = await checkInsOwed(t, kellyPlan);
    client.forget();
    const other = await client('bethany.cole');
    expect((await other.post(`/visits/plans/${kellyPlan}/check-ins/${owed?.id}`)).statusCode).toBe(404);
    expect((await other.get(`/visits/plans/${kellyPlan}`)).statusCode).toBe(404);
    expect(owed?.received_at).toBeNull();
  });

  describe('the day after', () => {
    const tuesday = (time: string) => new Date(`2026-11-24T${time}Z`);
    async function sharedTuesday(officer: string, visit: Record<string, string> = {}) {
      clock.set(tuesday('09:00:00'));
      client.forget();
      const browser = await client(officer);
      const planId = await planADay(browser, { date: '2026-11-24', responsibleOfficerId: contact });
      await addAVisit(browser, planId, visit);
      await shareThePlan(browser, planId);
      return { browser, planId };
    }
    const visitOf = async (planId: string) =>
      (
        await t.db
          .selectFrom('planned_visit')
          .select('id')
          .where('plan_id', '=', planId)
          .executeTakeFirstOrThrow()
      ).id;

    it('escalates a re-timed visit afresh from the first level, though the old alert was acknowledged', async () => {
      const { planId } = await sharedTuesday('kelly.morgan', { address: '4 Ferry Lane, Demoton AB5 5FL' });
      clock.set(tuesday('10:46:00'));
      await sweep();
      const [first] = await alertsOf(t, planId);
      client.forget();
      expect(
        (
          await (
            await client('dean.walsh')
          ).post(`/visits/alerts/${first?.id}/acknowledge`, { note: 'She is running late' })
        ).statusCode,
      ).toBe(303);
      const kelly = await client('kelly.morgan');
      const visitId = await visitOf(planId);
      const retimed = await kelly.post(
        `/visits/plans/${planId}/visits/${visitId}/edit`,
        visitFields({ address: '4 Ferry Lane, Demoton AB5 5FL', start: '11:00', finish: '12:00' }),
      );
      expect(retimed.statusCode).toBe(303);
      clock.set(tuesday('12:16:00'));
      await sweep();
      const alerts = await alertsOf(t, planId);
      expect(alerts.map((alert) => [alert.level, alert.resolved_at !== null])).toEqual([
        ['responsible', true],
        ['responsible', false],
      ]);
    });

    it('resolves the alerts of a dropped visit and raises no more', async () => {
      const { planId } = await sharedTuesday('bethany.cole', { address: '6 Ferry Lane, Demoton AB5 5FL' });
      clock.set(tuesday('10:46:00'));
      await sweep();
      client.forget();
      const bethany = await client('bethany.cole');
      const dropped = await bethany.post(`/visits/plans/${planId}/visits/${await visitOf(planId)}/drop`, {
        reason: 'Nobody home; moved to Thursday',
      });
      expect(dropped.statusCode).toBe(303);
      clock.set(tuesday('11:20:00'));
      await sweep();
      expect((await alertsOf(t, planId)).map((alert) => [alert.level, alert.resolved_at !== null])).toEqual([
        ['responsible', true],
      ]);
    });

    it('owes the check-in of a visit that finished before the plan was shared from the sharing', async () => {
      clock.set(tuesday('12:00:00'));
      client.forget();
      const owen = await client('owen.rees');
      const planId = await planADay(owen, { date: '2026-11-24', responsibleOfficerId: contact });
      await addAVisit(owen, planId, {
        address: '8 Ferry Lane, Demoton AB5 5FL',
        start: '10:00',
        finish: '10:30',
      });
      await shareThePlan(owen, planId);
      const [owed] = await checkInsOwed(t, planId);
      expect(owed?.due_at.toISOString()).toBe(tuesday('12:00:00').toISOString());
      await sweep();
      expect(await alertsOf(t, planId)).toEqual([]);
    });

    it('takes the home check-in of a late tour after midnight', async () => {
      const { planId } = await sharedTuesday('imran.siddiqui', { address: '9 Ferry Lane, Demoton AB5 5FL' });
      const home = (await checkInsOwed(t, planId)).at(-1);
      clock.set(new Date('2026-11-25T00:10:00Z'));
      client.forget();
      const late = await (await client('imran.siddiqui')).post(
        `/visits/plans/${planId}/check-ins/${home?.id}`,
      );
      expect(late.headers.location).toContain('done=checked-in');
    });
  });
});
