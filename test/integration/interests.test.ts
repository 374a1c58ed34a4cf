import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApi, outsider } from '../support/api.ts';
import { startTestApp, type TestApp, testClient } from '../support/app.ts';
import { demo, demoClients } from '../support/clients.ts';
import { databaseKinds } from '../support/databases.ts';
import { aDeclaration, insertDeclaration } from '../support/interests.ts';
import { personIdByEmail, testPassword } from '../support/people.ts';
import { auditEvents } from '../support/rows.ts';

const references = (body: string) => [...new Set(body.match(/DOI-\d{4}-\d{4}/g) ?? [])].sort();
// The status tags a page shows, in order.
const tags = (body: string) => [...body.matchAll(/class="govuk-tag[^"]*">\s*([^<]+?)\s*</g)].map((m) => m[1]);

const membership = (organisationName: string, role = 'Member') => ({
  kind: 'membership',
  answers: { organisationName, organisationType: 'club', role },
});

describe.each(databaseKinds)('the register of interests on %s', (kind) => {
  let t: TestApp;
  const client = demoClients(() => t);
  const api = demoApi(() => t);
  // Declarations are made as their officers make them, through the service (here over the API).
  const declare = (name: string, body: { kind: string; answers: Record<string, string> }) =>
    aDeclaration(api, name, body);
  const reviewState = async (id: string) =>
    (
      await sql<{
        review_state: string;
        version: number;
      }>`select review_state, version from declaration where id = ${id}`.execute(t.db)
    ).rows[0];

  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('shows each person the declarations they may see, and no one else’s (issue 4: registers)', async () => {
    const byOfficer = await declare('liam.barker', membership('Visibility Officer Club'));
    const byPeer = await declare('sophie.turner', membership('Visibility Peer Club'));
    const byHead = await declare('helen.marsh', membership('Visibility Head Club'));
    const byDirector = await declare('david.harrington', membership('Visibility Director Club'));
    const byPlanner = await declare('megan.hall', membership('Visibility Planner Club'));
    const seen = async (name: string) => {
      const page = await (await client(name)).get('/interests?search=Visibility');
      expect(page.statusCode).toBe(200);
      return references(page.body);
    };
    const refs = (...declarations: { reference: string }[]) => declarations.map((d) => d.reference).sort();
    expect(await seen('liam.barker')).toEqual(refs(byOfficer)); // an officer: their own
    expect(await seen('sophie.turner')).toEqual(refs(byPeer)); // a peer: their own, not Liam's
    expect(await seen('grace.whitmore')).toEqual(refs(byOfficer, byPeer)); // their line manager
    // The head of service: their service's staff and their own, not their director's.
    expect(await seen('helen.marsh')).toEqual(refs(byOfficer, byPeer, byHead));
    expect(await seen('david.harrington')).toEqual(refs(byOfficer, byPeer, byHead, byDirector)); // the chain
    const everyone = refs(byOfficer, byPeer, byHead, byDirector, byPlanner);
    expect(await seen('margaret.okafor')).toEqual(everyone); // chief executive: everyone below
    expect(await seen('tom.whitfield')).toEqual(refs(byPlanner)); // another service's head
    for (const seesAll of ['emma.clarke', 'rajesh.patel', 'zara.hussain'])
      expect(await seen(seesAll), seesAll).toEqual(everyone); // HR, monitoring officer, audit

    const register = await (await client('grace.whitmore')).get('/interests?search=Visibility');
    expect(register.body).toContain('Member of Visibility Officer Club');
    expect(register.body).toContain('Membership of an organisation');
    expect(tags(register.body)).toEqual(['Awaiting review', 'Awaiting review']);
    expect(register.body).toContain('Revenues Officer');

    const review = (name: string, id: string) => client(name).then((c) => c.get(`/interests/reviews/${id}`));
    expect((await review('sophie.turner', byOfficer.id)).statusCode).toBe(403);
    expect((await review('tom.whitfield', byHead.id)).statusCode).toBe(403);
    expect((await review('helen.marsh', byDirector.id)).statusCode).toBe(403);
    expect((await review('grace.whitmore', byOfficer.id)).statusCode).toBe(200);
    expect((await review('emma.clarke', byPlanner.id)).statusCode).toBe(200);
  });

  it('keeps another council’s HR out of this council’s register', async () => {
    const { email } = await outsider(t);
    const browser = testClient(t.app);
    await browser.signIn(email, testPassword);
    const page = await browser.get('/interests?search=Visibility');
    expect(page.statusCode).toBe(200);
    expect(references(page.body)).toEqual([]);
    expect(page.body).not.toContain('Finance and Revenues');
    const [any] = (await sql<{ id: string }>`select id from declaration limit 1`.execute(t.db)).rows;
    expect((await browser.get(`/interests/${any?.id}`)).statusCode).toBe(404);
    expect((await browser.get(`/interests/reviews/${any?.id}`)).statusCode).toBe(404);
    expect((await browser.post(`/interests/reviews/${any?.id}`, { outcome: 'no-conflict' })).statusCode).toBe(
      404,
    );
    const csv = await browser.get('/interests.csv');
    expect(csv.body.trimEnd().split('\r\n')).toHaveLength(1);
  });

  it('lets the line manager record a managed conflict, checking it first, and tells the officer', async () => {
    const { id, reference } = await declare('joanna.wright', {
      kind: 'contractor-relationship',
      answers: {
        contractorName: 'Greenway Pest Control Ltd',
        contractorCompanyNumber: 'SC123456',
        relationship: 'business',
        engages: 'yes',
        details: 'My partner owns it',
      },
    });
    const manager = await client('fiona.mcleod');
    const register = await manager.get('/interests');
    expect(register.body).toContain('Declarations to review (1)');
    const tasks = await manager.get('/interests/reviews');
    expect(tasks.body).toContain('Joanna Wright');
    expect(tasks.body).toContain(`href="/interests/reviews/${id}"`);
    expect(tasks.body).toContain('Declared 23 November 2026');

    const form = await manager.get(`/interests/reviews/${id}`);
    expect(form.statusCode).toBe(200);
    for (const shown of [
      'Relationship with a contractor',
      'Name of the contractor',
      'Greenway Pest Control Ltd',
      'Do they engage or supervise this contractor in their job?',
      'Contractor: Greenway Pest Control Ltd (company number SC123456)',
      'My partner owns it',
      'What is being done to manage it?',
      'The monitoring officer',
    ])
      expect(form.body).toContain(shown);

    const managed = {
      outcome: 'conflict-managed',
      managementAction: 'No part in awarding or supervising the pest control contract',
      'nextReviewOn-day': '23',
      'nextReviewOn-month': '5',
      'nextReviewOn-year': '2027',
    };
    const noOutcome = await manager.post(`/interests/reviews/${id}`, {});
    expect(noOutcome.statusCode).toBe(400);
    expect(noOutcome.body).toContain('Select the outcome of your review');
    expect(noOutcome.body).toContain('href="#outcome"');
    const bare = await manager.post(`/interests/reviews/${id}`, { outcome: 'conflict-managed' });
    expect(bare.statusCode).toBe(400);
    expect(bare.body).toContain('Say how the conflict is managed');
    expect(bare.body).toContain('Enter the date to review the arrangement');
    expect(bare.body).toContain('href="#nextReviewOn-day"');
    const past = await manager.post(`/interests/reviews/${id}`, { ...managed, 'nextReviewOn-year': '2025' });
    expect(past.statusCode).toBe(400);
    expect(past.body).toContain('Review date must be in the future');
    expect(past.body).toContain('No part in awarding or supervising the pest control contract</textarea>');
    expect(past.body).toContain('value="2025"');
    const impossible = await manager.post(`/interests/reviews/${id}`, {
      ...managed,
      'nextReviewOn-day': '31',
      'nextReviewOn-month': '2',
    });
    expect(impossible.body).toContain('Review date must be a real date');
    expect(await reviewState(id)).toEqual({ review_state: 'awaiting-review', version: 1 });

    for (const other of ['peter.green', 'emma.clarke', 'joanna.wright', 'aisha.rahman']) {
      const response = await (await client(other)).post(`/interests/reviews/${id}`, managed);
      expect(response.statusCode, other).toBe(403);
    }
    expect((await (await client('emma.clarke')).get(`/interests/reviews/${id}`)).body).toContain(
      'Only they can record the review',
    );

    const done = await manager.post(`/interests/reviews/${id}`, managed);
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`/interests/reviews?reviewed=${id}`);
    const after = await manager.get(String(done.headers.location));
    expect(after.body).toContain(`Review recorded for Joanna Wright’s declaration ${reference}`);
    expect(after.body).toContain('There are no declarations waiting for your review.');
    expect((await manager.get('/interests')).body).toContain('Declarations to review (0)');

    const email = t.smtp.received.find(
      (message) => message.to.includes('joanna.wright') && message.subject.includes(reference),
    );
    expect(email?.subject).toBe(`Your declaration ${reference} has been reviewed: Conflict managed`);
    expect(email?.text).toContain(
      'What happens now: No part in awarding or supervising the pest control contract',
    );
    expect(email?.text).toContain('This will be reviewed again by 23 May 2027.');

    const officer = await client('joanna.wright');
    const mine = await officer.get('/interests');
    expect(tags(mine.body)).toEqual(['Conflict managed']);
    const entry = await officer.get(`/interests/${id}`);
    expect(entry.statusCode).toBe(200);
    expect(entry.body).toContain('Conflict managed');
    expect(entry.body).toContain('No part in awarding or supervising the pest control contract');

    const shown = await manager.get(`/interests/reviews/${id}`);
    expect(shown.body).toContain('Reviewed by');
    expect(shown.body).toContain('23 May 2027');
    expect(shown.body).not.toContain('Record the review');
    const again = await manager.post(`/interests/reviews/${id}`, { outcome: 'no-conflict' });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('This declaration has already been reviewed');
    const audit = await auditEvents(t.db, { recordId: id, action: 'declaration.reviewed' });
    expect(audit).toHaveLength(1);
  });

  it('records no conflict, and a referral to HR, which emails HR', async () => {
    const club = await declare('chloe.roberts', membership('Town Amateur Dramatics'));
    const job = await declare('arthur.simmons', {
      kind: 'secondary-employment',
      answers: {
        employerName: 'Simmons Debt Recovery',
        jobTitle: 'Director',
        hoursPerWeek: '10',
        contractedHours: '20',
        paid: 'yes',
      },
    });
    const manager = await client('stephen.murray');
    expect((await manager.get('/interests')).body).toContain('Declarations to review (2)');
    expect((await manager.post(`/interests/reviews/${club.id}`, { outcome: 'no-conflict' })).statusCode).toBe(
      303,
    );
    const unsure = await manager.post(`/interests/reviews/${job.id}`, { outcome: 'referred' });
    expect(unsure.statusCode).toBe(400);
    expect(unsure.body).toContain('Select whom you are referring it to');
    const referred = await manager.post(`/interests/reviews/${job.id}`, {
      outcome: 'referred',
      referredTo: 'hr',
    });
    expect(referred.statusCode).toBe(303);
    const toHr = t.smtp.received.filter((message) => message.subject.includes(job.reference));
    expect(toHr.map((message) => message.to).join(' ')).toContain('emma.clarke');
    expect(toHr.find((message) => message.to.includes('emma.clarke'))?.text).toContain(
      'Stephen Murray referred it to HR',
    );
    const register = await (await client('stephen.murray')).get('/interests?search=Town+Amateur');
    expect(tags(register.body)).toEqual(['No conflict']);
    const hr = await (await client('emma.clarke')).get('/interests?search=Simmons+Debt');
    expect(tags(hr.body)).toEqual(['Referred']);
    expect((await manager.get(`/interests/reviews/${job.id}`)).body).toContain('Referred, to HR');
  });

  it('keeps ended declarations in the register, marked ended, and filters by status', async () => {
    await insertDeclaration(t.db, t.councilId, {
      personEmail: demo('kelly.morgan'),
      kind: 'secondary-employment',
      summary: 'Weekend cleaner, Status Test Ltd',
      endedOn: '2026-10-01',
      reviewed: true,
    });
    await insertDeclaration(t.db, t.councilId, {
      personEmail: demo('kelly.morgan'),
      kind: 'membership',
      summary: 'Member of Status Test Rowing Club',
    });
    const officer = await client('kelly.morgan');
    const all = await officer.get('/interests?search=Status+Test');
    expect(all.body).toContain('Weekend cleaner, Status Test Ltd');
    expect(all.body).toContain('Member of Status Test Rowing Club');
    expect(tags(all.body).sort()).toEqual(['Awaiting review', 'Ended']);
    const ended = await officer.get('/interests?search=Status+Test&status=ended');
    expect(ended.body).toContain('Weekend cleaner, Status Test Ltd');
    expect(ended.body).not.toContain('Rowing Club');
    expect(ended.body).toContain('Clear filters');
    const current = await officer.get('/interests?search=Status+Test&status=current');
    expect(current.body).not.toContain('Weekend cleaner');
    expect(current.body).toContain('Rowing Club');
    const waiting = await (await client('emma.clarke')).get(
      '/interests?search=Status+Test&status=awaiting-review',
    );
    expect(waiting.body).toContain('Rowing Club');
    expect(waiting.body).not.toContain('Weekend cleaner');
    const byKind = await (await client('emma.clarke')).get(
      '/interests?search=Status+Test&kind=secondary-employment',
    );
    expect(byKind.body).toContain('Weekend cleaner');
    expect(byKind.body).not.toContain('Rowing Club');
  });

  it('offers only the services in a viewer’s scope, and refuses bad filters with a message', async () => {
    const serviceOptions = async (name: string) => {
      const page = await (await client(name)).get('/interests');
      const select = /<select[^>]*id="service"[\s\S]*?<\/select>/.exec(page.body)?.[0] ?? '';
      return [...select.matchAll(/<option value="[^"]+"[^>]*>([^<]+)</g)].map((match) => match[1]);
    };
    expect(await serviceOptions('tom.whitfield')).toEqual(['Planning and Building Control']);
    expect(await serviceOptions('liam.barker')).toEqual(['Finance and Revenues']);
    expect(await serviceOptions('emma.clarke')).toHaveLength(8);

    const hr = await client('emma.clarke');
    const bad = await hr.get('/interests?service=finance&kind=hobby&status=lost&search=club');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('There is a problem');
    expect(bad.body).toContain('Select a service from the list');
    expect(bad.body).toContain('Select a kind of interest from the list');
    expect(bad.body).toContain('Select current, ended or awaiting review');
    expect(bad.body).toContain('value="club"');
    expect(bad.body).toContain('Register of interests');
    const stale = await hr.get(`/interests?after=${Buffer.from('["yesterday","x"]').toString('base64url')}`);
    expect(stale.statusCode).toBe(400);
    expect(stale.body).toContain('The page link is out of date');
    expect((await hr.get('/interests?search=%00')).statusCode).toBe(400);
    expect((await hr.get('/interests.csv?status=lost')).statusCode).toBe(400);
  });

  it('pages through the register without repeating or missing a declaration', async () => {
    for (let n = 0; n < 30; n++) {
      await insertDeclaration(t.db, t.councilId, {
        personEmail: demo('imran.siddiqui'),
        summary: `Paging entry ${String(n).padStart(2, '0')}`,
        declaredAt: new Date(Date.UTC(2026, 10, 1 + (n % 3), 9)),
      });
    }
    const hr = await client('emma.clarke');
    const seen: string[] = [];
    let url: string | undefined = '/interests?search=Paging+entry';
    while (url) {
      const page = await hr.get(url);
      expect(page.statusCode).toBe(200);
      seen.push(...(page.body.match(/Paging entry \d{2}/g) ?? []));
      url = /href="([^"]+)" rel="next"/.exec(page.body)?.[1]?.replaceAll('&amp;', '&');
    }
    expect(seen).toHaveLength(30);
    expect(new Set(seen).size).toBe(30);
  });

  it('downloads the register as CSV, in scope and filtered, guarding against formulas', async () => {
    await insertDeclaration(t.db, t.councilId, {
      personEmail: demo('owen.rees'),
      summary: '=HYPERLINK("http://evil.test","Click")',
    });
    const officer = await client('owen.rees');
    const csv = await officer.get('/interests.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('register-of-interests.csv');
    const lines = csv.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFReference,Declared at,Person,Job title,Service,Kind,Summary,Started,Ended,End reason,Review outcome,Management action,Referred to,Next review,Reviewed by,Reviewed at',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.test"",""Click"")"`);
    expect(lines[1]).toContain('Owen Rees');
    expect(lines[1]).toContain('Awaiting review');

    const hr = await client('emma.clarke');
    const reviewed = await hr.get('/interests.csv?search=Greenway');
    const [, row] = reviewed.body.trimEnd().split('\r\n');
    expect(row).toContain('Joanna Wright');
    expect(row).toContain('Relationship with a contractor');
    expect(row).toContain(
      'Conflict managed,No part in awarding or supervising the pest control contract,,2027-05-23,Fiona McLeod,2026-11-23T09:00:00Z',
    );
    const ended = await hr.get('/interests.csv?status=ended');
    expect(ended.body).toContain('Weekend cleaner, Status Test Ltd');
    expect(ended.body).toContain('2026-10-01');
    expect(ended.body).not.toContain('Rowing Club');
    const exports = await auditEvents(t.db, { action: 'declaration.register-exported' });
    expect(exports.length).toBeGreaterThanOrEqual(3);
  });

  it('downloads a register larger than one batch, every row once', async () => {
    const liam = await personIdByEmail(t.db, demo('liam.barker'));
    // Instants with microseconds, many the same, as a bulk import could give.
    await sql`
      insert into declaration (council_id, id, reference, person_id, person_name, job_title, service_id,
        service_name, senior, kind, summary, answers, declared_at, review_state, recorded_by, updated_at)
      select p.council_id, gen_random_uuid(), 'DOI-2019-' || lpad(n::text, 5, '0'), p.id, p.name, p.job_title,
        p.service_id, 'Finance and Revenues', false, 'membership', 'Bulk, "quoted" ' || n, '{}',
        timestamptz '2019-01-01 00:00:00.123456+00' + ((n / 3) || ' seconds')::interval, 'awaiting-review',
        p.id, now()
      from generate_series(1, 4500) n, person p where p.id = ${liam}`.execute(t.db);
    const csv = await (await client('emma.clarke')).get('/interests.csv?search=DOI-2019');
    const lines = csv.body.trimEnd().split('\r\n');
    expect(lines).toHaveLength(4501);
    expect(new Set(lines.slice(1).map((line) => line.split(',')[0])).size).toBe(4500);
    expect(csv.body).toContain('"Bulk, ""quoted"" 4500"');
  });
});
