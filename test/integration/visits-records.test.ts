import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationService } from '../../src/modules/organisation/service.ts';
import { type RiskNomination, visitRecordsService } from '../../src/modules/visits/records/service.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import { expectProblem, type Problem } from '../support/api.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/databases.ts';
import { signedInAs, tokenFor } from '../support/people.ts';
import { principalOf as principalFor } from '../support/principal.ts';
import { auditEvents, rowCount } from '../support/rows.ts';
import { fieldTeam, otherCouncilTeam, planWithVisits } from '../support/visits.ts';

// After each visit (DOMAIN.md §5 "Records of the visit"; policies 000 and 004): the outcome, and
// what each flag leads to, made in the same transaction.
describe.each(databaseKinds)('recording a visit on %s', (kind) => {
  let t: TestApp;
  let team: Awaited<ReturnType<typeof fieldTeam>>;
  const recordUrl = (plan: { planId: string; visitIds: string[] }, index = 0) =>
    `/visits/plans/${plan.planId}/visits/${plan.visitIds[index]}/record`;

  beforeAll(async () => {
    t = await startTestApp(kind);
    team = await fieldTeam(t, 'rec');
  });
  afterAll(() => t.close());

  const deps = () => {
    const base = { db: t.db, clock: t.clock, outbox: t.outbox, baseUrl: 'http://probity.test' };
    return { ...base, organisation: organisationService(base) };
  };

  async function setAddresses(addresses: { safeguardingContactEmail?: string; fraudReferralEmail?: string }) {
    const { organisation } = deps();
    const current = await organisation.policy(t.councilId);
    await organisation.updatePolicy(
      { councilId: t.councilId, personId: null, label: 'Test' },
      { ...current, ...addresses },
    );
  }

  const aPlan = (visits: Parameters<typeof planWithVisits>[1]['visits']) =>
    planWithVisits(t, { officerId: team.officer, responsibleOfficerId: team.responsible, visits });

  async function postRecord(as: string, url: string, form: Record<string, string> | [string, string][]) {
    const browser = await signedInAs(t, as);
    const page = await browser.get(url);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Record the visit');
    return browser.post(url, form);
  }

  it('records only a visit that took place: not one dropped from the plan', async () => {
    const plan = await aPlan([{ address: '2 Mill Lane', accountHolder: 'Al Dropped' }]);
    await t.db
      .updateTable('planned_visit')
      .set({ dropped_at: t.clock.now(), dropped_reason: 'Moved to next week' })
      .where('id', '=', plan.visitIds[0] ?? '')
      .execute();
    const browser = await signedInAs(t, team.email('officer'));
    await browser.get(recordUrl(plan));
    const refused = await browser.post(recordUrl(plan), [['outcome', 'contact-made']]);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('This visit was dropped from the plan: there is nothing to record');
    expect(
      await t.db
        .selectFrom('visit_record')
        .select('visit_id')
        .where('visit_id', '=', plan.visitIds[0] ?? '')
        .execute(),
    ).toEqual([]);
  });

  it('with no safeguarding contact set, records the referral and tells the officer to tell their line manager', async () => {
    const plan = await aPlan([{ address: '3 Mill Lane', accountHolder: 'Jo Bloggs' }]);
    const before = t.smtp.received.length;
    const response = await postRecord(team.email('officer'), recordUrl(plan), [
      ['outcome', 'contact-made'],
      ['flags', 'adult-safeguarding'],
      ['adultSafeguardingDetail', 'Elderly occupier without heating'],
    ]);
    expect(response.statusCode, response.body).toBe(303);
    const page = await (await signedInAs(t, team.email('officer'))).get(recordUrl(plan));
    expect(page.body).toContain('No safeguarding contact set — tell your line manager');
    const referral = await t.db
      .selectFrom('visit_referral')
      .selectAll()
      .where('visit_id', '=', plan.visitIds[0] ?? '')
      .executeTakeFirstOrThrow();
    expect(referral).toMatchObject({ kind: 'adult-safeguarding', sent_to: '' });
    expect(t.smtp.received.length).toBe(before);
  });

  it('a child safeguarding concern makes a referral and emails the safeguarding contact', async () => {
    await setAddresses({
      safeguardingContactEmail: 'safeguarding@council.test',
      fraudReferralEmail: 'fraud@council.test',
    });
    const plan = await aPlan([
      { address: '12 Station Road', accountHolder: 'Sam Doe', accountRef: 'CT-1001' },
    ]);
    const response = await postRecord(team.email('officer'), recordUrl(plan), [
      ['outcome', 'contact-made'],
      ['flags', 'child-safeguarding'],
      ['flags', 'fraud'],
      ['childSafeguardingDetail', 'Young child alone in the house at 11am'],
      ['fraudDetail', 'Claims single occupancy; a partner lives there'],
      ['notes', 'Spoke to the occupier at the door'],
    ]);
    expect(response.statusCode, response.body).toBe(303);
    expect(response.headers.location).toBe(recordUrl(plan));
    const toContact = t.smtp.received.filter((mail) => mail.to === 'safeguarding@council.test');
    expect(toContact).toHaveLength(1);
    expect(toContact[0]?.subject).toBe('Child safeguarding concern: field visit to 12 Station Road');
    expect(toContact[0]?.text).toContain('Young child alone in the house at 11am');
    expect(t.smtp.received.filter((mail) => mail.to === 'fraud@council.test')).toHaveLength(1);
    const referrals = await t.db
      .selectFrom('visit_referral')
      .select(['kind', 'sent_to'])
      .where('visit_id', '=', plan.visitIds[0] ?? '')
      .orderBy('kind')
      .execute();
    expect(referrals).toEqual([
      { kind: 'child-safeguarding', sent_to: 'safeguarding@council.test' },
      { kind: 'fraud', sent_to: 'fraud@council.test' },
    ]);
    expect(await auditEvents(t.db, { action: 'visit.recorded', recordId: plan.visitIds[0] })).toHaveLength(1);
  });

  it('refuses a second record of the same visit, changing nothing', async () => {
    const plan = await aPlan([{ address: '4 Church Street' }]);
    expect(
      (await postRecord(team.email('officer'), recordUrl(plan), { outcome: 'no-contact' })).statusCode,
    ).toBe(303);
    const again = await postRecord(team.email('manager'), recordUrl(plan), { outcome: 'contact-made' });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('already recorded');
    const row = await t.db
      .selectFrom('visit_record')
      .select('outcome')
      .where('visit_id', '=', plan.visitIds[0] ?? '')
      .executeTakeFirstOrThrow();
    expect(row.outcome).toBe('no-contact');
  });

  it('bad input shows the form again with the reasons and stores nothing', async () => {
    const plan = await aPlan([{ address: '5 Church Street' }]);
    const [records, referrals, complaints] = [
      await rowCount(t.db, 'visit_record'),
      await rowCount(t.db, 'visit_referral'),
      await rowCount(t.db, 'complaint'),
    ];
    const response = await postRecord(team.email('officer'), recordUrl(plan), [
      ['outcome', 'asked-to-leave'],
      ['flags', 'complaint'],
      ['complaintDetail', 'Says I was rude'],
    ]);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Enter why you were asked to leave');
    expect(response.body).toContain('Enter the name of the person who complained');
    expect(response.body).toContain('Says I was rude');
    expect(await rowCount(t.db, 'visit_record')).toBe(records);
    expect(await rowCount(t.db, 'visit_referral')).toBe(referrals);
    expect(await rowCount(t.db, 'complaint')).toBe(complaints);
  });

  it('only the plan’s officer and their line managers record it: anyone else is told there is no such visit', async () => {
    const plan = await aPlan([{ address: '6 Church Street' }, { address: '7 Church Street' }]);
    for (const who of ['peer', 'otherManager'] as const) {
      const browser = await signedInAs(t, team.email(who));
      const page = await browser.get(recordUrl(plan));
      expect(page.statusCode).toBe(404);
      expect((await browser.post(recordUrl(plan), { outcome: 'no-contact' })).statusCode).toBe(404);
    }
    const other = await otherCouncilTeam(t);
    const outsider = await signedInAs(t, other.email('manager'));
    expect((await outsider.get(recordUrl(plan))).statusCode).toBe(404);
    expect((await outsider.post(recordUrl(plan), { outcome: 'no-contact' })).statusCode).toBe(404);
    expect(
      await t.db.selectFrom('visit_record').select('visit_id').where('plan_id', '=', plan.planId).execute(),
    ).toEqual([]);
    expect(
      (await postRecord(team.email('manager'), recordUrl(plan, 1), { outcome: 'entry-refused' })).statusCode,
    ).toBe(303);
    expect(
      await t.db.selectFrom('visit_record').select('visit_id').where('plan_id', '=', plan.planId).execute(),
    ).toEqual([{ visit_id: plan.visitIds[1] }]);
  });

  it('a complaint made during the visit is logged with the complaints team and its reference kept on the referral', async () => {
    const plan = await aPlan([{ address: '8 Mill Lane', accountHolder: 'Pat Smith' }]);
    const response = await postRecord(team.email('officer'), recordUrl(plan), [
      ['outcome', 'contact-made'],
      ['flags', 'complaint'],
      ['complainantName', 'Pat Smith'],
      ['complaintDetail', 'Says the council lost their payment'],
      ['submission', '0190f0c0-0000-7000-8000-000000000001'],
    ]);
    expect(response.statusCode, response.body).toBe(303);
    const referral = await t.db
      .selectFrom('visit_referral')
      .selectAll()
      .where('visit_id', '=', plan.visitIds[0] ?? '')
      .executeTakeFirstOrThrow();
    expect(referral.complaint_reference).toMatch(/^\S+$/);
    const complaint = await t.db
      .selectFrom('complaint')
      .selectAll()
      .where('reference', '=', referral.complaint_reference)
      .executeTakeFirstOrThrow();
    expect(complaint).toMatchObject({ channel: 'in-person', logged_by: team.officer });
    expect(complaint.what_happened).toContain('Says the council lost their payment');
    const toManager = t.smtp.received.filter((mail) => mail.to === team.email('manager'));
    expect(toManager.at(-1)?.text).toContain(`The complaint is logged as ${referral.complaint_reference}.`);
  });

  const principalOf = (personId: string) => principalFor(deps().organisation, t.councilId, personId);

  it('a threat of violence nominates the person for the risk register inside the record’s transaction', async () => {
    const plan = await aPlan([{ address: '9 Mill Lane', accountHolder: 'Alex Hart' }]);
    const seen: { nomination: RiskNomination; recordInTransaction: boolean }[] = [];
    const nominateRisk = async (trx: Kysely<Database>, councilId: string, nomination: RiskNomination) => {
      const record = await trx
        .selectFrom('visit_record')
        .select('outcome')
        .where('council_id', '=', councilId)
        .where('visit_id', '=', nomination.visitId)
        .executeTakeFirst();
      seen.push({ nomination, recordInTransaction: record !== undefined });
    };
    const records = visitRecordsService(deps(), {
      nominateRisk,
      logComplaint: () => Promise.reject(new Error('not called')),
    });
    const input = {
      outcome: 'asked-to-leave',
      reason: 'Shouted at me to get out',
      notes: '',
      referrals: [{ kind: 'violence' as const, detail: 'Threatened to set the dog on me' }],
      complainantName: '',
      submission: null,
    };
    await records.record(
      await principalOf(team.officer),
      { planId: plan.planId, visitId: plan.visitIds[0] ?? '' },
      input,
      'test',
    );
    expect(seen).toEqual([
      {
        nomination: {
          address: '9 Mill Lane',
          personName: 'Alex Hart',
          kind: 'violent',
          reason: 'Threatened to set the dog on me',
          nominatedBy: team.officer,
          visitId: plan.visitIds[0],
        },
        recordInTransaction: true,
      },
    ]);
    await t.deliverEmails();
    expect(
      t.smtp.received.filter(
        (mail) => mail.to === team.email('manager') && mail.subject.startsWith('Threat of violence'),
      ),
    ).toHaveLength(1);
    // [000] asked to leave: the reason goes to the line manager too.
    const askedToLeave = t.smtp.received.find(
      (mail) =>
        mail.to === team.email('manager') && mail.subject === 'Asked to leave: field visit to 9 Mill Lane',
    );
    expect(askedToLeave?.text).toContain('Why: Shouted at me to get out');

    // A nomination that fails takes the record with it.
    const second = await aPlan([{ address: '10 Mill Lane' }]);
    const failing = visitRecordsService(deps(), {
      nominateRisk: () => Promise.reject(new Error('risk register unavailable')),
      logComplaint: () => Promise.reject(new Error('not called')),
    });
    await expect(
      failing.record(
        await principalOf(team.officer),
        { planId: second.planId, visitId: second.visitIds[0] ?? '' },
        input,
        'test',
      ),
    ).rejects.toThrow('risk register unavailable');
    expect(
      await t.db.selectFrom('visit_record').select('visit_id').where('plan_id', '=', second.planId).execute(),
    ).toEqual([]);
  });

  it('vulnerability suspends recovery on the account until a line manager lifts it with a reason', async () => {
    const plan = await aPlan([{ address: '11 Mill Lane', accountRef: 'CT-2002', accountHolder: 'Lee Ray' }]);
    const response = await postRecord(team.email('officer'), recordUrl(plan), [
      ['outcome', 'contact-made'],
      ['flags', 'vulnerability'],
      ['vulnerabilityDetail', 'Recently bereaved, not coping with bills'],
    ]);
    expect(response.statusCode, response.body).toBe(303);
    const records = visitRecordsService(deps(), {
      nominateRisk: async () => {},
      logComplaint: () => Promise.reject(new Error('not called')),
    });
    const held = await records.recoveryHeld(t.councilId, 'CT-2002');
    expect(held).toMatchObject({
      accountRef: 'CT-2002',
      visitId: plan.visitIds[0],
      reason: 'Recently bereaved, not coping with bills',
    });
    expect(
      t.smtp.received.filter(
        (mail) => mail.to === 'safeguarding@council.test' && mail.subject.startsWith('Vulnerability'),
      ),
    ).toHaveLength(1);

    const holdUrl = `/visits/recovery-holds/${held?.id}`;
    const officer = await signedInAs(t, team.email('officer'));
    expect((await officer.get(holdUrl)).body).not.toContain('Lift the hold');
    expect((await officer.post(holdUrl, { reason: 'I think they are fine' })).statusCode).toBe(404);
    expect((await (await signedInAs(t, team.email('peer'))).get(holdUrl)).statusCode).toBe(404);
    const manager = await signedInAs(t, team.email('manager'));
    await manager.get(holdUrl);
    expect((await manager.post(holdUrl, { reason: '' })).statusCode).toBe(400);
    expect(await records.recoveryHeld(t.councilId, 'CT-2002')).not.toBeNull();
    expect((await manager.post(holdUrl, { reason: 'Benefit awarded; arrangement agreed' })).statusCode).toBe(
      303,
    );
    expect(await records.recoveryHeld(t.councilId, 'CT-2002')).toBeNull();
    expect(await auditEvents(t.db, { action: 'recovery-hold.lifted', recordId: held?.id })).toHaveLength(1);
  });

  it('over the API: records once, answers problems as problem+json', async () => {
    const plan = await aPlan([{ address: '13 Mill Lane' }]);
    const url = `/api/v1${recordUrl(plan)}`;
    const token = await tokenFor(t.db, t.councilId, team.officer);
    const bad = await t.client().api('POST', url, { outcome: 'asked-to-leave' }, token);
    expectProblem(bad, 400);
    expect((bad.json() as Problem).errors?.map((error) => error.key)).toEqual(['reason']);
    const made = await t
      .client()
      .api('POST', url, { outcome: 'entry-refused', notes: 'Door not answered' }, token);
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({
      record: { outcome: 'entry-refused', notes: 'Door not answered' },
      referrals: [],
    });
    expectProblem(await t.client().api('POST', url, { outcome: 'no-contact' }, token), 400);
    const peerToken = await tokenFor(t.db, t.councilId, team.peer);
    expectProblem(await t.client().api('GET', url, undefined, peerToken), 404);
  });
});
