import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { financialYear } from '../../src/modules/complaints/reports/rules.ts';
import { complaintReports } from '../../src/modules/complaints/reports/service.ts';
import { organisationService } from '../../src/modules/organisation/service.ts';
import { startTestApp, type TestApp, testClient } from '../support/app.ts';
import { demoClients } from '../support/clients.ts';
import { submitPublicComplaint } from '../support/complaint-intake.ts';
import { databaseKinds } from '../support/databases.ts';
import { otherCouncilMark, seedOtherCouncil } from '../support/other-council.ts';
import { testPassword } from '../support/people.ts';

// Possible duplicates at triage (DOMAIN.md §3; casework/duplicate-rules.ts): the same person, the
// same service, similar words, within the council's window (28 days by default). The clock stands
// at 2026-11-23.

const jo = 'jo.repeat@example.test';
const bins = 'My missed bin was reported three times and never collected.';
const binsAgain = 'I reported my missed bin collection three times and nobody collected it.';

describe.each(databaseKinds)('possible duplicate complaints on %s', (kind) => {
  let t: TestApp;
  const staff = demoClients(() => t);
  let sent = 0;
  // Each from its own address, so that the public form's rate limit does not count them together.
  const complain = async (answers: { email: string; whatHappened: string; service: string }) => {
    const service = await t.db
      .selectFrom('service')
      .select('id')
      .where('council_id', '=', t.councilId)
      .where('name', '=', answers.service)
      .executeTakeFirstOrThrow();
    sent += 1;
    const client = testClient(t.app, { remoteAddress: `192.0.2.${10 + sent}` });
    const { reference } = await submitPublicComplaint(client, {
      name: 'Jo Repeat',
      email: answers.email,
      whatHappened: answers.whatHappened,
      serviceId: service.id,
    });
    return reference;
  };
  const row = (reference: string) =>
    t.db
      .selectFrom('complaint')
      .selectAll()
      .where('council_id', '=', t.councilId)
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
  const figures = () => {
    const deps = { db: t.db, clock: t.clock, outbox: t.outbox, baseUrl: 'http://probity.test' };
    return complaintReports({ ...deps, organisation: organisationService(deps) }).figures(
      t.councilId,
      financialYear(2026),
    );
  };
  const duplicatesOn = (page: string) =>
    [...page.matchAll(/duplicates\/(CMP-\d{4}-\d{4})">Compare with/g)].map((m) => m[1]);

  let first: string;
  let repeat: string;
  let otherService: string;
  let otherPerson: string;
  let otherMatter: string;
  let longAgo: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    first = await complain({ email: jo, whatHappened: bins, service: 'Environmental Health and Licensing' });
    otherService = await complain({ email: jo, whatHappened: bins, service: 'Housing' });
    otherPerson = await complain({
      email: 'someone.else@example.test',
      whatHappened: bins,
      service: 'Environmental Health and Licensing',
    });
    otherMatter = await complain({
      email: jo,
      whatHappened: 'The officer on the phone was rude to me when I asked about my council tax.',
      service: 'Environmental Health and Licensing',
    });
    longAgo = await complain({
      email: jo,
      whatHappened: bins,
      service: 'Environmental Health and Licensing',
    });
    // Received 29 days before today: outside the default window.
    await sql`update complaint set received_at = received_at - interval '29 days', received_on = received_on - 29
      where council_id = ${t.councilId} and reference = ${longAgo}`.execute(t.db);
    // Accepted and in hand: the complaint a new one repeats.
    const accepted = await (await staff('lucy.adeyemi')).post(`/complaints/${first}/triage`, {
      decision: 'complaint',
      category: 'delay',
      housing: 'no',
    });
    expect(accepted.statusCode, accepted.body).toBe(303);
    repeat = await complain({
      email: jo.toUpperCase(),
      whatHappened: binsAgain,
      service: 'Environmental Health and Licensing',
    });
  });
  afterAll(() => t.close());

  it('flags at triage the complaint the same person made about the same service in similar words, within the window', async () => {
    const james = await staff('james.oneill');
    const triage = await james.get(`/complaints/${repeat}/triage`);
    expect(triage.statusCode).toBe(200);
    expect(triage.body).toContain('id="possible-duplicates"');
    // Not another service, another person, another matter, nor one outside the window.
    expect(duplicatesOn(triage.body)).toEqual([first]);
    expect(triage.body).toContain('(stage 1)');
    // The complaint it repeats is accepted, so is not at triage; one outside the window flags nothing.
    expect(duplicatesOn((await james.get(`/complaints/${otherService}/triage`)).body)).toEqual([]);
    expect(duplicatesOn((await james.get(`/complaints/${otherMatter}/triage`)).body)).toEqual([]);
    expect(duplicatesOn((await james.get(`/complaints/${otherPerson}/triage`)).body)).toEqual([]);
    expect(duplicatesOn((await james.get(`/complaints/${longAgo}/triage`)).body)).toEqual([]);
  });

  it('follows the council’s window', async () => {
    await sql`update council_policy set settings = jsonb_set(settings, '{duplicateComplaintWindowDays}', '30')
      where council_id = ${t.councilId}`.execute(t.db);
    const wider = await (await staff('james.oneill')).get(`/complaints/${longAgo}/triage`);
    expect(duplicatesOn(wider.body).sort()).toEqual([first, repeat].sort());
    await sql`update council_policy set settings = settings - 'duplicateComplaintWindowDays'
      where council_id = ${t.councilId}`.execute(t.db);
    expect(
      duplicatesOn((await (await staff('james.oneill')).get(`/complaints/${longAgo}/triage`)).body),
    ).toEqual([]);
  });

  it('shows the link only to those who may work both complaints', async () => {
    for (const who of ['kwame.mensah', 'megan.hall']) {
      const browser = await staff(who);
      expect((await browser.get(`/complaints/${repeat}/triage`)).statusCode).toBe(403);
      expect((await browser.get(`/complaints/${repeat}/duplicates/${first}`)).statusCode).toBe(403);
    }
    const james = await staff('james.oneill');
    // Not a pair of the same person's complaints, or the same complaint twice: no such page.
    expect((await james.get(`/complaints/${repeat}/duplicates/${otherPerson}`)).statusCode).toBe(404);
    expect((await james.get(`/complaints/${repeat}/duplicates/${repeat}`)).statusCode).toBe(404);
    expect((await james.get(`/complaints/${repeat}/duplicates/CMP-2026-9999`)).statusCode).toBe(404);
    // Only a complaint awaiting triage is merged from.
    expect((await james.get(`/complaints/${first}/duplicates/${repeat}`)).statusCode).toBe(404);
  });

  it('asks for a decision, and changes nothing without one', async () => {
    const james = await staff('james.oneill');
    const page = await james.get(`/complaints/${repeat}/duplicates/${first}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(bins);
    expect(page.body).toContain(binsAgain);
    const none = await james.post(`/complaints/${repeat}/duplicates/${first}`, {});
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Select whether to merge the complaints or keep both');
    expect((await row(repeat)).status).toBe('awaiting-triage');
  });

  it('merges the repeat into the complaint it repeats: closed, linked both ways, audited, counted once', async () => {
    const before = await figures();
    const james = await staff('james.oneill');
    const merged = await james.post(`/complaints/${repeat}/duplicates/${first}`, { decision: 'merge' });
    expect(merged.statusCode, merged.body).toBe(303);
    expect(merged.headers.location).toBe(`/complaints/${first}?done=merged`);

    const duplicate = await row(repeat);
    const survivor = await row(first);
    expect(duplicate).toMatchObject({
      status: 'merged',
      duplicate_of: survivor.id,
      resolved_on: '2026-11-23',
    });
    expect(survivor.status).toBe('stage-1');

    // The surviving case shows the duplicate, its words and the contact details it gave.
    const page = await james.get(`/complaints/${first}?done=merged`);
    expect(page.body).toContain('Duplicates merged into this complaint');
    expect(page.body).toContain(`href="/complaints/${repeat}">${repeat}</a>`);
    expect(page.body).toContain(binsAgain);
    expect(page.body).toContain('JO.REPEAT@EXAMPLE.TEST');
    // The duplicate's case says where it went; nothing more can be done to it.
    const gone = await james.get(`/complaints/${repeat}`);
    expect(gone.body).toContain('id="merged-into"');
    expect(gone.body).toContain(`href="/complaints/${first}">${first}</a>`);
    expect(gone.body).not.toContain(`href="/complaints/${repeat}/triage"`);
    expect(
      (await james.post(`/complaints/${repeat}/triage`, { decision: 'feedback', reason: 'x' })).statusCode,
    ).toBe(400);

    const events = await sql<{ action: string; record_id: string }>`select action, record_id from audit_event
      where action in ('complaint.merged', 'complaint.duplicate-merged-in') order by seq`.execute(t.db);
    expect(events.rows).toEqual([
      { action: 'complaint.merged', record_id: duplicate.id },
      { action: 'complaint.duplicate-merged-in', record_id: survivor.id },
    ]);

    // Reports count the complaint once: the duplicate is not received again, nor its stage started.
    const after = await figures();
    expect(after.received).toBe(before.received - 1);
    const started = (f: typeof before) => f.stages.find((s) => s.stage === 1)?.started;
    expect(started(after)).toBe((started(before) ?? 0) - 1);
    expect(after.notAccepted).toBe(before.notAccepted);

    // The public progress page tells the person it is being answered with the other.
    const progress = testClient(t.app, { remoteAddress: '192.0.2.99' });
    await progress.get('/public/demo/complaints/progress');
    await progress.post('/public/demo/complaints/progress', { reference: repeat, email: jo });
    const theirs = await progress.get('/public/demo/complaints/progress/complaint');
    expect(theirs.body).toContain('Joined with another complaint you made about the same thing');
  });

  it('keeps both when they differ: recorded, audited, and not flagged again from either side', async () => {
    const again = await complain({
      email: jo,
      whatHappened: 'My missed bin has been reported three times now and it was never collected.',
      service: 'Environmental Health and Licensing',
    });
    const james = await staff('james.oneill');
    expect(duplicatesOn((await james.get(`/complaints/${again}/triage`)).body)).toEqual([first]);
    const kept = await james.post(`/complaints/${again}/duplicates/${first}`, { decision: 'keep-both' });
    expect(kept.statusCode, kept.body).toBe(303);
    expect(kept.headers.location).toBe(`/complaints/${again}?done=kept-both`);
    expect((await row(again)).status).toBe('awaiting-triage');
    expect((await james.get(`/complaints/${again}/triage`)).body).not.toContain('id="possible-duplicates"');
    const pairs = await sql<{ n: number }>`select count(*)::int as n from complaint_duplicate_dismissal
      where council_id = ${t.councilId}`.execute(t.db);
    expect(pairs.rows[0]?.n).toBe(1);
    // Keeping both twice records it once.
    await james.post(`/complaints/${again}/duplicates/${first}`, { decision: 'keep-both' });
    const events = await sql<{ n: number }>`select count(*)::int as n from audit_event
      where action = 'complaint.duplicate-kept-apart' and record_id = ${(await row(again)).id}`.execute(t.db);
    expect(events.rows[0]?.n).toBe(1);
  });

  it('never flags a complaint of another council, nor links one council’s complaints for another', async () => {
    const other = await seedOtherCouncil(t);
    // Someone in the other council with Jo's email and words is not Jo here.
    await sql`update complaint set what_happened = ${bins} where council_id = ${other.councilId}`.execute(
      t.db,
    );
    await sql`update customer set email = ${jo} where council_id = ${other.councilId}`.execute(t.db);
    const mine = await complain({ email: jo, whatHappened: bins, service: 'Housing' });
    const james = await staff('james.oneill');
    expect(duplicatesOn((await james.get(`/complaints/${mine}/triage`)).body)).toEqual([otherService]);
    // The other council's manager, who holds every role there, finds neither complaint.
    const quentin = testClient(t.app);
    await quentin.signIn(`quentin@${otherCouncilMark.toLowerCase()}.test`, testPassword);
    expect((await quentin.get(`/complaints/${mine}/duplicates/${otherService}`)).statusCode).toBe(404);
    const refused = await quentin.post(`/complaints/${mine}/duplicates/${otherService}`, {
      decision: 'merge',
    });
    expect(refused.statusCode).toBe(404);
    expect((await row(mine)).status).toBe('awaiting-triage');
  });
});
