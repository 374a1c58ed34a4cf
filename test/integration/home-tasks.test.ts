import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { principalByEmail } from '../../src/platform/auth/principals.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import type { Task } from '../../src/platform/web/tasks.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demo, demoClients } from '../support/clients.ts';
import { type ComplaintFacts, insertComplaint } from '../support/complaint-rows.ts';
import { databaseKinds, demoSeededAt } from '../support/databases.ts';
import { record } from '../support/gifts.ts';
import { insertDeclaration } from '../support/interests.ts';
import { type OtherCouncil, seedOtherCouncil } from '../support/other-council.ts';

// A person's home page is what is waiting for them in every module, most urgent first, with
// counts and the earliest date due; never another person's work, nor another council's.
// The demo council's clock reads Monday 23 November 2026.

const summary = (tasks: Task[]) => tasks.map((task) => [task.title, task.count, task.due, task.urgency]);

describe.each(databaseKinds)('home page tasks on %s', (kind) => {
  let t: TestApp;
  let other: OtherCouncil;
  const clock = fixedClock(demoSeededAt);
  const client = demoClients(() => t);
  const tasksOf = async (email: string, councilId = t.councilId) => {
    const principal = await principalByEmail(t.db, councilId, email);
    if (!principal) throw new Error(`No such person: ${email}`);
    return t.tasksFor(principal);
  };

  beforeAll(async () => {
    t = await startTestApp(kind, { clock });
    other = await seedOtherCouncil(t);
    const stage = (respondBy: string, handler: string) => ({
      startedOn: '2026-11-02',
      acknowledgeBy: '2026-11-04',
      acknowledgedOn: '2026-11-04',
      respondBy,
      handler: demo(handler),
    });
    const complaints: Omit<ComplaintFacts, 'receivedOn'>[] = [
      { reference: 'CMP-2026-9001', stages: [stage('2026-11-25', 'james.oneill')] },
      { reference: 'CMP-2026-9002', stages: [stage('2026-11-20', 'james.oneill')] },
      { reference: 'CMP-2026-9003', stages: [stage('2026-11-23', 'james.oneill')] },
      { reference: 'CMP-2026-9004', stages: [stage('2026-11-18', 'james.oneill')] },
      // Hannah's, not James's.
      { reference: 'CMP-2026-9005', stages: [stage('2026-11-10', 'hannah.price')] },
      // Not yet acknowledged: due by its acknowledgement, as the work queue has it, though its
      // response is not due for weeks.
      {
        reference: 'CMP-2026-9007',
        stages: [
          {
            ...stage('2026-12-18', 'hannah.price'),
            startedOn: '2026-11-13',
            acknowledgeBy: '2026-11-20',
            acknowledgedOn: null,
          },
        ],
      },
      {
        reference: 'CMP-2026-9006',
        stages: [{ ...stage('2026-11-06', 'james.oneill'), respondedOn: '2026-11-05', outcome: 'upheld' }],
        status: 'closed',
        remedies: [
          { kind: 'apology', dueOn: '2026-12-20', recordedAt: '2026-11-05', owner: demo('james.oneill') },
          {
            kind: 'apology',
            dueOn: '2026-11-10',
            doneOn: '2026-11-09',
            recordedAt: '2026-11-05',
            owner: demo('james.oneill'),
          },
        ],
      },
    ];
    for (const complaint of complaints)
      await insertComplaint(t.db, t.councilId, { receivedOn: '2026-11-02', ...complaint });
    // In the other council, on the same days, handled by its manager.
    await insertComplaint(t.db, other.councilId, {
      reference: 'CMP-2026-9101',
      receivedOn: '2026-11-02',
      stages: [{ ...stage('2026-11-19', 'james.oneill'), handler: 'quentin@quixhollow.test' }],
    });
    await insertDeclaration(t.db, t.councilId, { personEmail: demo('liam.barker') });
  });
  afterAll(() => t?.close());

  it('lists a handler’s complaints overdue, due today and at risk, then later work, most urgent first', async () => {
    expect(summary(await tasksOf(demo('james.oneill')))).toEqual([
      ['Complaints overdue', 2, '2026-11-18', 'overdue'],
      ['Complaints due today', 1, '2026-11-23', 'today'],
      ['Complaints at risk of missing their deadline', 1, '2026-11-25', 'soon'],
      ['Complaint remedies you own', 1, '2026-12-20', 'later'],
    ]);
    const hannah = summary(await tasksOf(demo('hannah.price')));
    expect(hannah).toEqual([['Complaints overdue', 2, '2026-11-10', 'overdue']]);
  });

  it('gives a declaration to its reviewer, not to the officer’s colleagues', async () => {
    const reviewer = await tasksOf(demo('grace.whitmore'));
    expect(summary(reviewer)).toContainEqual(['Declarations of interest to review', 1, null, 'later']);
    expect(reviewer.find((task) => task.module === 'interests')?.href).toBe('/interests/reviews');
    for (const colleague of ['sophie.turner', 'liam.barker'])
      expect((await tasksOf(demo(colleague))).map((task) => task.title)).not.toContain(
        'Declarations of interest to review',
      );
  });

  it('gives a gift waiting for approval to its approver only', async () => {
    await record(await client('megan.hall'), {
      kind: 'hospitality',
      offerorOrganisation: 'Home Page Partners LLP',
      relationship: 'contractor',
      nature: 'meal',
      description: 'a working lunch',
      value: '85',
      event: '2026-12-15',
    });
    const approver = await tasksOf(demo('tom.whitfield'));
    expect(summary(approver.filter((task) => task.module === 'gifts'))).toEqual([
      ['Gifts and hospitality to approve', 1, null, 'later'],
    ]);
    for (const other of ['helen.marsh', 'megan.hall'])
      expect((await tasksOf(demo(other))).filter((task) => task.module === 'gifts')).toEqual([]);
  });

  it('never shows another council’s work', async () => {
    const quentin = await tasksOf('quentin@quixhollow.test', other.councilId);
    expect(summary(quentin)).toContainEqual(['Complaints overdue', 1, '2026-11-19', 'overdue']);
    expect(summary(quentin)).toContainEqual(['Declarations of interest to review', 1, null, 'later']);
    expect(quentin.map((task) => task.title)).not.toContain('Complaint remedies you own');
    const james = await tasksOf(demo('james.oneill'));
    expect(james.find((task) => task.title === 'Complaints overdue')?.count).toBe(2);
  });

  it('shows the tasks on the home page, and the menu without the account’s links', async () => {
    const james = await client('james.oneill');
    const home = await james.get('/');
    expect(home.statusCode).toBe(200);
    const titles = [...home.body.matchAll(/govuk-task-list__link"[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(titles).toEqual([
      'Complaints overdue',
      'Complaints due today',
      'Complaints at risk of missing their deadline',
      'Complaint remedies you own',
    ]);
    expect(home.body).toContain('2 waiting, overdue since 18 November 2026');
    expect(home.body).toContain('href="/complaints/CMP-2026-9006"');
    expect(home.body).not.toContain('>API tokens<');
    const account = await james.get('/account');
    expect(account.statusCode).toBe(200);
    expect(account.body).toContain('href="/account/tokens"');
    const sophie = await (await client('sophie.turner')).get('/');
    expect(sophie.body).toContain('Nothing is waiting for you.');
  });

  it('emails each person their work once a day, only when something waits, unless they turn it off', async () => {
    const digest = t.jobs.find((job) => job.name === 'daily task digests');
    if (!digest) throw new Error('No digest job');
    const digestsTo = (email: string) =>
      t.db
        .selectFrom('outbound_email')
        .select(['subject', 'body'])
        .where('recipient', '=', email)
        .where('subject', 'like', 'Your work today%')
        .execute();
    // Two processes at once, then again: one email a day.
    await Promise.all([digest.run(), digest.run()]);
    await digest.run();
    const james = await digestsTo(demo('james.oneill'));
    expect(james.map((email) => email.subject)).toEqual(['Your work today: 5 things waiting']);
    const body = james[0]?.body ?? '';
    expect(body).toContain(
      '- Complaints overdue: 2, overdue since 18 November 2026 (Overdue)\n  http://probity.test/complaints',
    );
    expect(body.indexOf('Complaints overdue')).toBeLessThan(body.indexOf('Complaint remedies you own'));
    expect(body).toContain('http://probity.test/account');
    expect(await digestsTo(demo('sophie.turner'))).toEqual([]);
    const quentin = await digestsTo('quentin@quixhollow.test');
    expect(quentin).toHaveLength(1);
    expect(quentin[0]?.body).not.toContain('CMP-2026-9006');

    const account = await client('james.oneill');
    const refused = await account.post('/account', { taskDigest: 'sometimes' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Select whether to be emailed a summary of your work');
    expect((await account.post('/account', { taskDigest: 'no' })).statusCode).toBe(303);
    expect((await account.get('/account')).body).toMatch(/value="no" checked/);

    // The next morning: nothing before seven, then Hannah's second and none for James.
    clock.set(new Date('2026-11-24T06:30:00Z'));
    await digest.run();
    expect(await digestsTo(demo('hannah.price'))).toHaveLength(1);
    clock.set(new Date('2026-11-24T07:30:00Z'));
    await digest.run();
    expect(await digestsTo(demo('hannah.price'))).toHaveLength(2);
    expect(await digestsTo(demo('james.oneill'))).toHaveLength(1);
  });

  it('links the remedy a person owns that is due soonest, by reference when two are due that day', async () => {
    const remedy = (dueOn: string, doneOn: string | null = null) => ({
      kind: 'action',
      dueOn,
      doneOn,
      recordedAt: '2026-11-05',
      owner: demo('lucy.adeyemi'),
    });
    const closed = { startedOn: '2026-11-02', acknowledgeBy: '2026-11-04', respondBy: '2026-11-30' };
    for (const [reference, remedies] of [
      ['CMP-2026-9203', [remedy('2026-12-04')]],
      ['CMP-2026-9202', [remedy('2026-12-04'), remedy('2026-11-30', '2026-11-20')]],
      ['CMP-2026-9201', [remedy('2027-01-08')]],
    ] as const)
      await insertComplaint(t.db, t.councilId, {
        reference,
        receivedOn: '2026-11-02',
        status: 'closed',
        stages: [{ ...closed, acknowledgedOn: '2026-11-03', respondedOn: '2026-11-20', outcome: 'upheld' }],
        remedies: [...remedies],
      });
    const lucy = await tasksOf(demo('lucy.adeyemi'));
    expect(lucy.find((task) => task.title === 'Complaint remedies you own')).toMatchObject({
      count: 3,
      due: '2026-12-04',
      href: '/complaints/CMP-2026-9202',
    });
  });
});
