import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPersonDuringSetUp, createCouncil } from '../../src/modules/organisation/councils/set-up.ts';
import { hashPassword } from '../../src/platform/auth/passwords.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { chartOn } from '../support/charts.ts';
import { demo, demoClients } from '../support/clients.ts';
import { databaseKinds } from '../support/databases.ts';
import { insertDeclaration } from '../support/interests.ts';
import { addTestPerson, personIdByEmail, signedInAs, testPassword, tokenFor } from '../support/people.ts';
import { auditEvents, rowCount } from '../support/rows.ts';

// The annual declaration campaign (002 Honesty, 000 Additional rules): HR open it for
// everyone or chosen services, each member confirms their declarations or makes a nil return
// (field officers also sign the accounts declaration), reminders follow on the policy's cadence,
// and HR watch completion by service.

const now = new Date('2026-11-23T09:00:00Z');
const dayMs = 24 * 60 * 60 * 1000;
const finance = 'Finance and Revenues';
const compliance = 'Revenues Compliance and Enforcement';
const accountsError = 'Confirm you will not deal with the accounts of family, friends or anyone known to you';

// The text of each cell in the row a table heads with this name.
function rowOf(body: string, name: string): string[] {
  const row = new RegExp(`<th scope="row" class="govuk-table__header">${name}</th>(.*?)</tr>`, 's').exec(
    body,
  )?.[1];
  if (!row) throw new Error(`No row for ${name}`);
  return [...row.matchAll(/<td[^>]*>(.*?)<\/td>/gs)].map((cell) => (cell[1] ?? '').replace(/<[^>]+>/g, ''));
}

const decoded = (body: string) =>
  body.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&');

describe.each(databaseKinds)('annual declaration campaigns on %s', (kind) => {
  let t: TestApp;
  const clock = fixedClock(now);
  const services = new Map<string, string>();
  let revenues: string; // the campaign for Finance and Revenues and Compliance
  let housing: string; // a second one, for Housing
  const client = demoClients(() => t);
  const count = (table: 'declaration_campaign' | 'campaign_member') => rowCount(t.db, table);
  const memberRow = (campaignId: string, email: string) =>
    t.db
      .selectFrom('campaign_member as m')
      .innerJoin('person as p', (join) =>
        join.onRef('p.council_id', '=', 'm.council_id').onRef('p.id', '=', 'm.person_id'),
      )
      .select(['m.response', 'm.responded_at', 'm.accounts_declaration_at', 'm.field_officer'])
      .where('m.campaign_id', '=', campaignId)
      .where('p.email', '=', demo(email))
      .executeTakeFirstOrThrow();
  // Active staff (not committee members) in the services named, as the organisation holds them.
  const staffIn = async (names: string[]) =>
    Number(
      (
        await sql<{ n: number }>`select count(*)::int as n from person p join service s
          on s.council_id = p.council_id and s.id = p.service_id
          where p.council_id = ${t.councilId} and p.active and s.name = any(${names}::text[])
          and not exists (select 1 from person_role r where r.council_id = p.council_id
            and r.person_id = p.id and r.role = 'committee-member')`.execute(t.db)
      ).rows[0]?.n,
    );
  const emailsAbout = (to: string, campaign: string) =>
    t.smtp.received.filter((message) => message.to === demo(to) && message.subject.includes(campaign));
  const open = async (form: Record<string, string>, serviceNames: string[] = []) =>
    (await client('emma.clarke')).post('/interests/campaigns', [
      ...Object.entries({ 'dueOn-day': '30', 'dueOn-month': '4', 'dueOn-year': '2027', ...form }),
      ...serviceNames.map((name): [string, string] => ['serviceIds', services.get(name) ?? name]),
    ]);
  const respond = async (name: string, campaignId: string, form: Record<string, string>) =>
    (await client(name)).post(`/interests/campaigns/${campaignId}`, form);
  // Invitations go on being sent after the campaign opens: waits for them all.
  const invited = async (campaign: string, members: number) => {
    const sent = () =>
      t.smtp.received.filter((message) =>
        message.subject.startsWith(`Your annual declaration of interests: ${campaign},`),
      ).length;
    for (let wait = 0; wait < 400 && sent() < members; wait++)
      await new Promise((done) => setTimeout(done, 25));
    expect(sent()).toBe(members);
  };
  const campaignIdFrom = (location: string | undefined) => {
    const id = /\/interests\/campaigns\/([0-9a-f-]{36})\/dashboard\?opened=1$/.exec(location ?? '')?.[1];
    if (!id) throw new Error(`Not a new campaign: ${location}`);
    return id;
  };

  beforeAll(async () => {
    t = await startTestApp(kind, { clock });
    for (const service of await t.db
      .selectFrom('service')
      .select(['id', 'name'])
      .where('council_id', '=', t.councilId)
      .execute())
      services.set(service.name, service.id);
  });
  afterAll(() => t.close());

  it('offers HR a form starting from the policy’s campaign month', async () => {
    const page = await (await client('emma.clarke')).get('/interests/campaigns/new');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('value="2027 declarations"');
    expect(page.body).toContain('opens the campaign in April');
    expect(page.body).toContain(compliance);
  });

  it('refuses bad input with a clear message and saves nothing', async () => {
    const cases: [Record<string, string>, string[], string, string][] = [
      [{ name: '', scope: 'everyone' }, [], 'Enter a name for the campaign', '#name'],
      [{ name: 'x'.repeat(121), scope: 'everyone' }, [], 'Name must be 120 characters or fewer', '#name'],
      [
        { name: 'Late', scope: 'everyone', 'dueOn-day': '22', 'dueOn-month': '11', 'dueOn-year': '2026' },
        [],
        'Due date must be in the future',
        '#dueOn-day',
      ],
      [
        { name: 'Leap', scope: 'everyone', 'dueOn-day': '29', 'dueOn-month': '2', 'dueOn-year': '2027' },
        [],
        'Due date must be a real date',
        '#dueOn-day',
      ],
      [
        { name: 'No date', scope: 'everyone', 'dueOn-day': '', 'dueOn-month': '', 'dueOn-year': '' },
        [],
        'Enter the date declarations are due',
        '#dueOn-day',
      ],
      [{ name: 'Nobody' }, [], 'Select who must make the declaration', '#scope'],
      [{ name: 'No services', scope: 'services' }, [], 'Select at least one service', '#serviceIds'],
      [
        { name: 'Made up', scope: 'services' },
        ['00000000-0000-7000-8000-000000000000'],
        'Select services from the list',
        '#serviceIds',
      ],
    ];
    for (const [form, serviceNames, message, href] of cases) {
      const response = await open(form, serviceNames);
      expect(response.statusCode, message).toBe(400);
      expect(response.body).toContain('There is a problem');
      expect(response.body).toContain(`<a href="${href}">${message}</a>`);
      // What was typed is kept.
      if (form.name) expect(response.body).toContain(`value="${form.name}"`);
    }
    // Every field's error at once.
    const all = await open({
      name: '',
      scope: 'services',
      'dueOn-day': '1',
      'dueOn-month': '1',
      'dueOn-year': '2026',
    });
    expect([...all.body.matchAll(/<a href="(#[^"]+)">/g)].map((match) => match[1])).toEqual([
      '#name',
      '#dueOn-day',
      '#serviceIds',
    ]);
    expect(await count('declaration_campaign')).toBe(0);
    expect(await count('campaign_member')).toBe(0);
    expect(t.smtp.received).toHaveLength(0);
  });

  it('opens a campaign for chosen services: its members fixed, each emailed once', async () => {
    const response = await open({ name: 'Revenues 2027', scope: 'services' }, [finance, compliance]);
    expect(response.statusCode).toBe(303);
    revenues = campaignIdFrom(response.headers.location);
    const members = await t.db
      .selectFrom('campaign_member')
      .select(['service_name', 'field_officer', 'person_name', 'job_title'])
      .where('campaign_id', '=', revenues)
      .execute();
    expect(members).toHaveLength(await staffIn([finance, compliance]));
    expect(new Set(members.map((member) => member.service_name))).toEqual(new Set([finance, compliance]));
    expect(
      members
        .filter((member) => member.field_officer)
        .map((member) => member.person_name)
        .sort(),
    ).toEqual(['Bethany Cole', 'Imran Siddiqui', 'Kelly Morgan', 'Owen Rees']);
    expect(members.find((member) => member.person_name === 'Liam Barker')?.job_title).toBe(
      'Revenues Officer',
    );
    await invited('Revenues 2027', members.length);
    for (const name of ['liam.barker', 'kelly.morgan', 'helen.marsh']) {
      const sent = emailsAbout(name, 'Revenues 2027');
      expect(sent).toHaveLength(1);
      expect(sent[0]?.subject).toBe(
        'Your annual declaration of interests: Revenues 2027, due by 30 April 2027',
      );
      expect(sent[0]?.text).toContain(`http://probity.test/interests/campaigns/${revenues}`);
    }
    expect(emailsAbout('megan.hall', 'Revenues 2027')).toHaveLength(0);
    expect(t.smtp.received).toHaveLength(members.length);
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['action', 'after'])
      .where('record_id', '=', revenues)
      .execute();
    expect(audit).toEqual([
      {
        action: 'declaration-campaign.opened',
        after: expect.objectContaining({
          name: 'Revenues 2027',
          dueOn: '2027-04-30',
          members: members.length,
        }),
      },
    ]);
    const dashboard = await (await client('emma.clarke')).get(response.headers.location ?? '');
    expect(dashboard.body).toContain(`Campaign opened. ${members.length} people are being emailed`);
  });

  it('refuses a second open campaign whose members overlap an open one, saying which', async () => {
    const emails = t.smtp.received.length;
    const everyone = await open({ name: 'Everyone 2027', scope: 'everyone' });
    expect(everyone.statusCode).toBe(400);
    const overlap = await staffIn([finance, compliance]);
    expect(decoded(everyone.body)).toContain(
      `${overlap} of these people are already in the open campaign “Revenues 2027”: close it first, or choose other services`,
    );
    const some = await open({ name: 'Finance again', scope: 'services' }, [finance, 'Housing']);
    expect(some.statusCode).toBe(400);
    expect(decoded(some.body)).toContain(
      `${await staffIn([finance])} of these people are already in the open campaign “Revenues 2027”`,
    );
    expect(await count('declaration_campaign')).toBe(1);
    expect(t.smtp.received).toHaveLength(emails);
    // Housing alone does not overlap.
    const response = await open({ name: 'Housing 2027', scope: 'services' }, ['Housing']);
    expect(response.statusCode).toBe(303);
    housing = campaignIdFrom(response.headers.location);
    await invited('Housing 2027', await staffIn(['Housing']));
    expect(await count('campaign_member')).toBe(await staffIn([finance, compliance, 'Housing']));
  });

  it('tells a member they have a declaration to make, and takes their nil return', async () => {
    const liam = await client('liam.barker');
    const list = await liam.get('/interests/campaigns');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('You have an annual declaration to make by 30 April 2027');
    expect(list.body).toContain(`href="/interests/campaigns/${revenues}"`);
    const page = await liam.get(`/interests/campaigns/${revenues}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Your annual declaration');
    expect(page.body).toContain('You have no current declarations.');
    expect(page.body).toContain('href="/interests/new"');
    expect(page.body).toContain('I have nothing to declare');
    expect(page.body).not.toContain('Field officers’ declaration');
    const nil = await respond('liam.barker', revenues, { choice: 'nil' });
    expect(nil.statusCode).toBe(303);
    expect(nil.headers.location).toBe(`/interests/campaigns/${revenues}?responded=1`);
    expect(await memberRow(revenues, 'liam.barker')).toMatchObject({
      response: 'nil',
      accounts_declaration_at: null,
    });
    const after = await liam.get(nil.headers.location ?? '');
    expect(after.body).toContain('Your annual declaration has been recorded');
    expect(after.body).toContain('<strong>Nil return</strong>');
    expect((await liam.get('/interests/campaigns')).body).not.toContain(
      'You have an annual declaration to make',
    );
  });

  it('refuses a nil return while a declaration is current, and takes a confirmation', async () => {
    const declaration = await insertDeclaration(t.db, t.councilId, {
      personEmail: demo('sophie.turner'),
      kind: 'secondary-employment',
      summary: 'Bar work at the Crown, 10 hours a week',
      declaredAt: new Date('2026-03-01T10:00:00Z'),
    });
    await insertDeclaration(t.db, t.councilId, {
      personEmail: demo('sophie.turner'),
      summary: 'An ended shareholding',
      endedOn: '2026-06-01',
      declaredAt: new Date('2026-02-01T10:00:00Z'),
    });
    const sophie = await client('sophie.turner');
    const page = await sophie.get(`/interests/campaigns/${revenues}`);
    expect(page.body).toContain(`href="/interests/${declaration}"`);
    expect(page.body).toContain('Bar work at the Crown, 10 hours a week');
    expect(page.body).toContain('Secondary employment');
    expect(page.body).toContain(`href="/interests/${declaration}/end"`);
    expect(page.body).not.toContain('An ended shareholding');
    const nil = await respond('sophie.turner', revenues, { choice: 'nil' });
    expect(nil.statusCode).toBe(400);
    expect(nil.body).toContain(
      'You have a current declaration, so you cannot make a nil return: confirm your declarations are complete, or end those that no longer apply',
    );
    expect(nil.body).toContain('href="#choice"');
    expect((await memberRow(revenues, 'sophie.turner')).response).toBeNull();
    const none = await respond('sophie.turner', revenues, {});
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain(
      'Select whether your declarations are complete or you have nothing to declare',
    );
    expect(await respond('sophie.turner', revenues, { choice: 'complete' })).toMatchObject({
      statusCode: 303,
    });
    expect((await memberRow(revenues, 'sophie.turner')).response).toBe('confirmed');
  });

  it('records an update when the member declared something since the campaign opened', async () => {
    await insertDeclaration(t.db, t.councilId, {
      personEmail: demo('helen.marsh'),
      summary: 'Director of a lettings company',
      declaredAt: clock.now(),
    });
    expect(await respond('helen.marsh', revenues, { choice: 'complete' })).toMatchObject({ statusCode: 303 });
    expect((await memberRow(revenues, 'helen.marsh')).response).toBe('updated');
  });

  it('asks field officers to sign the accounts declaration, and refuses them without it', async () => {
    const kelly = await client('kelly.morgan');
    const page = await kelly.get(`/interests/campaigns/${revenues}`);
    expect(page.body).toContain('Field officers’ declaration');
    expect(decoded(page.body)).toContain(
      'I will not deal in any way with any Council Tax, Business Rates or Benefit accounts of any family, friends, or any person known to me.',
    );
    const unsigned = await respond('kelly.morgan', revenues, { choice: 'nil' });
    expect(unsigned.statusCode).toBe(400);
    expect(unsigned.body).toContain(`<a href="#accountsDeclaration">${accountsError}</a>`);
    expect(unsigned.body).toContain('value="nil" checked');
    expect((await memberRow(revenues, 'kelly.morgan')).response).toBeNull();
    const signed = await respond('kelly.morgan', revenues, { choice: 'nil', accountsDeclaration: 'yes' });
    expect(signed.statusCode).toBe(303);
    expect(await memberRow(revenues, 'kelly.morgan')).toMatchObject({
      response: 'nil',
      accounts_declaration_at: now,
    });
  });

  it('replaces a response made again before the due date, and audits both', async () => {
    expect(await respond('liam.barker', revenues, { choice: 'complete' })).toMatchObject({ statusCode: 303 });
    expect((await memberRow(revenues, 'liam.barker')).response).toBe('confirmed');
    const liam = await personIdByEmail(t.db, demo('liam.barker'));
    const events = await t.db
      .selectFrom('audit_event')
      .select(['before', 'after'])
      .where('action', '=', 'declaration-campaign.responded')
      .where('actor_id', '=', liam)
      .orderBy('seq')
      .execute();
    expect(events).toEqual([
      { before: null, after: { response: 'nil', currentDeclarations: [], accountsDeclaration: false } },
      {
        before: { response: 'nil', respondedAt: now.toISOString() },
        after: { response: 'confirmed', currentDeclarations: [], accountsDeclaration: false },
      },
    ]);
  });

  it('responds over the API for the token’s owner', async () => {
    const grace = await personIdByEmail(t.db, demo('grace.whitmore'));
    const token = await tokenFor(t.db, t.councilId, grace);
    const api = t.client();
    const bad = await api.api(
      'POST',
      `/api/v1/declaration-campaigns/${revenues}/response`,
      { choice: 'maybe' },
      token,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const mine = await api.api('GET', '/api/v1/declaration-campaigns/mine', undefined, token);
    expect(mine.json()).toMatchObject({
      items: [{ campaign: { id: revenues, name: 'Revenues 2027' }, response: null }],
    });
    const response = await api.api(
      'POST',
      `/api/v1/declaration-campaigns/${revenues}/response`,
      { choice: 'nil' },
      token,
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      campaign: { id: revenues, dueOn: '2027-04-30' },
      personName: 'Grace Whitmore',
      response: 'nil',
      fieldOfficer: false,
    });
    // Someone not asked gets nothing.
    const megan = await tokenFor(t.db, t.councilId, await personIdByEmail(t.db, demo('megan.hall')));
    expect(
      (await api.api('POST', `/api/v1/declaration-campaigns/${revenues}/response`, { choice: 'nil' }, megan))
        .statusCode,
    ).toBe(404);
  });

  it('shows HR completion by service, reaching 100% once everyone in a service has responded', async () => {
    const hr = await client('emma.clarke');
    const href = `/interests/campaigns/${revenues}/dashboard`;
    let page = await hr.get(href);
    expect(page.statusCode).toBe(200);
    const financeStaff = await staffIn([finance]);
    // Liam, Sophie, Helen and Grace have responded; Grace with a nil return.
    expect(rowOf(page.body, finance)).toEqual([
      String(financeStaff),
      '4',
      '1',
      `${financeStaff - 4} outstanding in ${finance}`,
      `${Math.floor(400 / financeStaff)}%`,
    ]);
    // The chart of the same figures, with the table beside it.
    const chart = chartOn(page.body, 'completion-chart');
    expect(chart?.title).toBe('Share responded, by service');
    expect(chart?.values).toContain(`${Math.floor(400 / financeStaff)}% (4 of ${financeStaff})`);
    expect(chart?.rows.find((row) => row[0] === finance)?.slice(1)).toEqual(rowOf(page.body, finance));
    expect(page.body).toContain('Zara Hussain, Counter-Fraud Investigator');
    expect(page.body).toContain('Paul Hughes, Head of Revenues Compliance and Enforcement');
    expect(page.body).not.toContain('Liam Barker, Revenues Officer');
    // Everyone else in Finance responds over the API.
    const outstanding = await t.db
      .selectFrom('campaign_member')
      .select('person_id')
      .where('campaign_id', '=', revenues)
      .where('service_name', '=', finance)
      .where('responded_at', 'is', null)
      .execute();
    for (const { person_id } of outstanding) {
      const token = await tokenFor(t.db, t.councilId, person_id);
      const response = await t
        .client()
        .api('POST', `/api/v1/declaration-campaigns/${revenues}/response`, { choice: 'complete' }, token);
      expect(response.statusCode).toBe(200);
    }
    page = await hr.get(href);
    expect(rowOf(page.body, finance)).toEqual([String(financeStaff), String(financeStaff), '1', '0', '100%']);
    expect(chartOn(page.body, 'completion-chart')?.values).toContain(
      `100% (${financeStaff} of ${financeStaff})`,
    );
    expect(page.body).not.toContain('Zara Hussain, Counter-Fraud Investigator');
    const complianceStaff = await staffIn([compliance]);
    expect(rowOf(page.body, compliance)).toEqual([
      String(complianceStaff),
      '1',
      '1',
      `${complianceStaff - 1} outstanding in ${compliance}`,
      `${Math.floor(100 / complianceStaff)}%`,
    ]);
    // One service's outstanding people.
    const filtered = await hr.get(`${href}?service=${services.get(compliance)}`);
    expect(filtered.statusCode).toBe(200);
    expect(filtered.body).toContain(`${compliance}: ${complianceStaff - 1} outstanding`);
    expect(filtered.body).toContain('<td class="govuk-table__cell">Owen Rees</td>');
    expect(filtered.body).not.toContain('<td class="govuk-table__cell">Kelly Morgan</td>');
    expect((await hr.get(`${href}?service=not-a-service`)).statusCode).toBe(404);
    // Over the API, the same counts.
    const token = await tokenFor(t.db, t.councilId, await personIdByEmail(t.db, demo('emma.clarke')));
    const json = (
      await t.client().api('GET', `/api/v1/declaration-campaigns/${revenues}`, undefined, token)
    ).json();
    expect(json.services).toContainEqual({
      serviceId: services.get(finance),
      serviceName: finance,
      members: financeStaff,
      responded: financeStaff,
      nil: 1,
      outstanding: 0,
      percent: 100,
    });
    expect(json.totals).toMatchObject({
      members: financeStaff + complianceStaff,
      responded: financeStaff + 1,
    });
    // The list of campaigns, open ones first, with overall completion.
    const list = await hr.get('/interests/campaigns');
    expect(list.body).toContain(`href="${href}"`);
    expect(list.body).toContain(
      `${Math.floor(((financeStaff + 1) * 100) / (financeStaff + complianceStaff))}% <span class="govuk-body-s">(${financeStaff + 1} of ${financeStaff + complianceStaff})</span>`,
    );
  });

  it('downloads every member’s response as CSV, and audits the download', async () => {
    const response = await (await client('emma.clarke')).get(
      `/interests/campaigns/${revenues}/dashboard.csv`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Name,Job title,Service,Field officer,Response,Responded at,Accounts declaration signed at',
    );
    expect(lines).toHaveLength(1 + (await staffIn([finance, compliance])));
    expect(lines).toContain(
      `Kelly Morgan,Compliance Officer,${compliance},Yes,Nil return,${now.toISOString()},${now.toISOString()}`,
    );
    expect(lines).toContain(`Owen Rees,Certificated Enforcement Agent,${compliance},Yes,Outstanding,,`);
    expect(lines).toContain(
      `Helen Marsh,Head of Finance and Revenues,${finance},No,Updated,${now.toISOString()},`,
    );
    const audit = await auditEvents(t.db, { recordId: revenues, action: 'declaration-campaign.exported' });
    expect(audit).toHaveLength(1);
  });

  it('reminds members who have not responded once per cadence, and not after it closes', async () => {
    const job = t.jobs.find((candidate) => candidate.name === 'declaration campaign reminders');
    if (!job) throw new Error('No reminder job');
    const reminders = (name: string) =>
      t.smtp.received.filter(
        (message) =>
          message.to === demo(name) &&
          message.subject === 'Reminder: your annual declaration of interests, Revenues 2027',
      );
    try {
      await job.run();
      expect(reminders('owen.rees')).toHaveLength(0); // the invitation went today
      clock.advance(13 * dayMs);
      await job.run();
      expect(reminders('owen.rees')).toHaveLength(0);
      clock.set(new Date(now.getTime() + 14 * dayMs)); // declarationReminderDays, 14 by default
      // Two processes running the job at once send each reminder once.
      await Promise.all([job.run(), job.run()]);
      expect(reminders('owen.rees')).toHaveLength(1);
      expect(reminders('owen.rees')[0]?.text).toContain('It is due by 30 April 2027');
      expect(reminders('owen.rees')[0]?.text).toContain(
        `http://probity.test/interests/campaigns/${revenues}`,
      );
      expect(reminders('kelly.morgan')).toHaveLength(0); // responded
      expect(reminders('zara.hussain')).toHaveLength(0);
      await job.run();
      clock.advance(13 * dayMs);
      await job.run();
      expect(reminders('owen.rees')).toHaveLength(1);
      clock.set(new Date(now.getTime() + 28 * dayMs));
      await job.run();
      expect(reminders('owen.rees')).toHaveLength(2);
      // An invitation lost to a crash between opening and sending goes with the next run.
      const bethany = await personIdByEmail(t.db, demo('bethany.cole'));
      await t.db
        .updateTable('campaign_member')
        .set({ last_reminded_at: null })
        .where('campaign_id', '=', revenues)
        .where('person_id', '=', bethany)
        .execute();
      await job.run();
      expect(emailsAbout('bethany.cole', 'Your annual declaration of interests: Revenues 2027')).toHaveLength(
        2,
      );

      // Sessions end when idle, so HR sign in afresh four weeks on.
      client.forget();
      const hr = await client('emma.clarke');
      const confirm = await hr.get(`/interests/campaigns/${revenues}/close`);
      expect(confirm.body).toContain('Close this campaign?');
      const closed = await hr.post(`/interests/campaigns/${revenues}/close`);
      expect(closed.statusCode).toBe(303);
      expect((await hr.get(closed.headers.location ?? '')).body).toContain('Campaign closed.');
      clock.set(new Date(now.getTime() + 60 * dayMs));
      await job.run();
      expect(reminders('owen.rees')).toHaveLength(2);
      // Housing's members, still open, were reminded.
      expect(
        t.smtp.received.filter(
          (message) =>
            message.to === demo('michael.bennett') &&
            message.subject.startsWith('Reminder: your annual declaration'),
        ).length,
      ).toBeGreaterThan(0);
    } finally {
      clock.set(now);
      client.forget();
    }
  });

  it('refuses responses once the campaign is closed, and closing it twice', async () => {
    const refused = await respond('owen.rees', revenues, { choice: 'nil', accountsDeclaration: 'yes' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('This campaign has closed, so it no longer takes responses');
    expect(refused.body).toContain('href="#your-response"');
    expect(refused.body).not.toContain('Send your declaration');
    expect((await memberRow(revenues, 'owen.rees')).response).toBeNull();
    const again = await (await client('emma.clarke')).post(`/interests/campaigns/${revenues}/close`);
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('This campaign is already closed');
  });

  it('opens, lists and closes campaigns over the API, with problems for bad input', async () => {
    const token = await tokenFor(t.db, t.councilId, await personIdByEmail(t.db, demo('nathan.brooks')));
    const api = t.client();
    const planning = services.get('Planning and Building Control');
    const bad = await api.api(
      'POST',
      '/api/v1/declaration-campaigns',
      { name: 'Planning 2027', dueOn: '2026-01-01', scope: 'services', serviceIds: [planning] },
      token,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors).toEqual([{ key: 'dueOn', message: 'Due date must be in the future' }]);
    const blank = await api.api('POST', '/api/v1/declaration-campaigns', { dueOn: '2027-04-30' }, token);
    expect(blank.statusCode).toBe(400);
    expect(await count('declaration_campaign')).toBe(2);
    const opened = await api.api(
      'POST',
      '/api/v1/declaration-campaigns',
      { name: 'Planning 2027', dueOn: '2027-04-30', scope: 'services', serviceIds: [planning] },
      token,
    );
    expect(opened.statusCode).toBe(201);
    const planningStaff = await staffIn(['Planning and Building Control']);
    expect(opened.json()).toMatchObject({
      name: 'Planning 2027',
      serviceIds: [planning],
      dueOn: '2027-04-30',
      openedByName: 'Nathan Brooks',
      closedAt: null,
      members: planningStaff,
      responded: 0,
    });
    await invited('Planning 2027', planningStaff);
    const list = await api.api('GET', '/api/v1/declaration-campaigns', undefined, token);
    expect(list.json().items.map((item: { name: string }) => item.name)).toEqual([
      'Housing 2027',
      'Planning 2027',
      'Revenues 2027', // closed, so last
    ]);
    const closed = await api.api(
      'POST',
      `/api/v1/declaration-campaigns/${opened.json().id}/close`,
      undefined,
      token,
    );
    expect(closed.statusCode).toBe(200);
    expect(closed.json().closedAt).toBe(now.toISOString());
  });

  it('opens for everyone once nothing overlaps: all staff but committee members', async () => {
    const housingClose = await (await client('emma.clarke')).post(`/interests/campaigns/${housing}/close`);
    expect(housingClose.statusCode).toBe(303);
    // A name a spreadsheet would run as a formula stays text in the download; and more volunteers
    // without a service than one page of names.
    await addTestPerson(t.db, t.councilId, {
      email: 'formula@probity.test',
      roles: ['officer'],
      name: '=SUM(1,2)',
    });
    for (let n = 10; n < 65; n++)
      await addTestPerson(t.db, t.councilId, {
        email: `volunteer${n}@probity.test`,
        roles: ['officer'],
        name: `Volunteer ${n}`,
      });
    const response = await open({ name: 'Everyone 2027', scope: 'everyone' });
    expect(response.statusCode).toBe(303);
    const everyone = campaignIdFrom(response.headers.location);
    const staff = Number(
      (
        await sql<{ n: number }>`select count(*)::int as n from person p where p.council_id = ${t.councilId}
          and p.active and not exists (select 1 from person_role r where r.council_id = p.council_id
            and r.person_id = p.id and r.role = 'committee-member')`.execute(t.db)
      ).rows[0]?.n,
    );
    const members = await t.db
      .selectFrom('campaign_member')
      .select('person_name')
      .where('campaign_id', '=', everyone)
      .execute();
    expect(members).toHaveLength(staff);
    await invited('Everyone 2027', staff);
    expect(members.map((member) => member.person_name)).not.toContain('Patricia Fleming');
    const page = await (await client('emma.clarke')).get(`/interests/campaigns/${everyone}/dashboard`);
    expect(rowOf(page.body, 'No service').slice(0, 2)).toEqual(['56', '0']);
    expect(page.body).toContain('See all 56 outstanding in No service');
    expect(page.body).toContain('<li>Volunteer 18, Test post</li>');
    expect(page.body).not.toContain('<li>Volunteer 19, Test post</li>'); // ten a service
    const names = (body: string) =>
      [...body.matchAll(/<td class="govuk-table__cell">((?:Volunteer \d+)|=SUM\(1,2\))<\/td>/g)].map(
        (match) => match[1],
      );
    const first = await (await client('emma.clarke')).get(
      `/interests/campaigns/${everyone}/dashboard?service=none`,
    );
    expect(names(first.body)).toHaveLength(50);
    expect(names(first.body)[0]).toBe('=SUM(1,2)');
    const next = /href="([^"]+)">Next page/.exec(first.body)?.[1]?.replaceAll('&amp;', '&');
    if (!next) throw new Error('No next page');
    const second = await (await client('emma.clarke')).get(next);
    expect(names(second.body)).toEqual([
      'Volunteer 59',
      'Volunteer 60',
      'Volunteer 61',
      'Volunteer 62',
      'Volunteer 63',
      'Volunteer 64',
    ]);
    expect(second.body).not.toContain('Next page');
    const csv = await (await client('emma.clarke')).get(`/interests/campaigns/${everyone}/dashboard.csv`);
    expect(csv.body).toContain(`"'=SUM(1,2)",Test post,No service,No,Outstanding,,`);
    // Past the due date: the notice and the reminders say it is overdue.
    try {
      clock.set(new Date('2027-05-03T09:00:00Z'));
      const michael = t.client();
      await michael.signIn(demo('michael.bennett'));
      expect((await michael.get('/interests/campaigns')).body).toContain(
        'Your annual declaration was due by 30 April 2027',
      );
      await t.jobs.find((job) => job.name === 'declaration campaign reminders')?.run();
      const overdue = t.smtp.received.filter(
        (message) =>
          message.to === demo('michael.bennett') &&
          message.subject === 'Overdue: your annual declaration of interests, Everyone 2027',
      );
      expect(overdue).toHaveLength(1);
      expect(overdue[0]?.text).toContain('was due by 30 April 2027 and we have not yet had it');
    } finally {
      clock.set(now);
    }
    // The committee member is not asked, and cannot use the register.
    const councillor = t.client();
    await councillor.signIn(demo('patricia.fleming'));
    expect((await councillor.get(`/interests/campaigns/${everyone}`)).statusCode).toBe(403);
  });

  it('keeps opening and the dashboard to HR', async () => {
    const liam = await client('liam.barker');
    expect((await liam.get('/interests/campaigns/new')).statusCode).toBe(403);
    expect((await liam.post('/interests/campaigns', { name: 'Mine', scope: 'everyone' })).statusCode).toBe(
      403,
    );
    expect((await liam.get(`/interests/campaigns/${revenues}/dashboard`)).statusCode).toBe(403);
    expect((await liam.get(`/interests/campaigns/${revenues}/dashboard.csv`)).statusCode).toBe(403);
    expect((await liam.post(`/interests/campaigns/${housing}/close`)).statusCode).toBe(403);
    const list = await liam.get('/interests/campaigns');
    expect(list.body).not.toContain('Open a campaign');
    expect(list.body).not.toContain('Housing 2027');
    const token = await tokenFor(t.db, t.councilId, await personIdByEmail(t.db, demo('liam.barker')));
    const api = t.client();
    expect(
      (
        await api.api(
          'POST',
          '/api/v1/declaration-campaigns',
          { name: 'Mine', dueOn: '2027-04-30', scope: 'everyone' },
          token,
        )
      ).statusCode,
    ).toBe(403);
    expect(
      (await api.api('GET', `/api/v1/declaration-campaigns/${revenues}`, undefined, token)).statusCode,
    ).toBe(403);
    // Someone not asked: no such campaign for them.
    expect((await (await client('megan.hall')).get(`/interests/campaigns/${revenues}`)).statusCode).toBe(404);
    expect(
      (
        await (
          await client('emma.clarke')
        ).get('/interests/campaigns/00000000-0000-7000-8000-000000000000/dashboard')
      ).statusCode,
    ).toBe(404);
  });

  it('shows another council nothing of this one’s campaigns', async () => {
    const at = new Date();
    const other = await t.db.transaction().execute(async (trx) => {
      const council = await createCouncil(
        trx,
        {
          name: 'Other Borough Council',
          slug: 'other',
          division: 'england-and-wales',
          directorates: [{ name: 'Resources', services: ['Finance'] }],
        },
        at,
      );
      const hrId = await addPersonDuringSetUp(
        trx,
        council.councilId,
        {
          name: 'Olive Other',
          email: 'olive@other.test',
          jobTitle: 'HR Manager',
          serviceId: null,
          lineManagerId: null,
          employmentType: 'employee',
          politicallyRestricted: false,
          roles: ['officer', 'hr'],
        },
        await hashPassword(testPassword),
        at,
      );
      return { councilId: council.councilId, hrId };
    });
    const olive = await signedInAs(t, 'olive@other.test');
    for (const url of [
      `/interests/campaigns/${revenues}`,
      `/interests/campaigns/${revenues}/dashboard`,
      `/interests/campaigns/${revenues}/dashboard.csv`,
      `/interests/campaigns/${housing}/close`,
    ])
      expect((await olive.get(url)).statusCode, url).toBe(404);
    expect((await olive.post(`/interests/campaigns/${revenues}`, { choice: 'nil' })).statusCode).toBe(404);
    const list = await olive.get('/interests/campaigns');
    expect(list.body).not.toContain('Revenues 2027');
    const token = await tokenFor(t.db, other.councilId, other.hrId);
    const api = t.client();
    expect((await api.api('GET', '/api/v1/declaration-campaigns', undefined, token)).json()).toEqual({
      items: [],
    });
    expect(
      (await api.api('GET', `/api/v1/declaration-campaigns/${revenues}`, undefined, token)).statusCode,
    ).toBe(404);
    expect(
      (await api.api('POST', `/api/v1/declaration-campaigns/${revenues}/close`, undefined, token)).statusCode,
    ).toBe(404);
  });
});
