import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/platform/audit/audit-chain.ts';
import { demoApi, expectProblem, outsiderToken, type Problem } from '../support/api.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { csrfOf, postMultipart } from '../support/complaint-intake.ts';
import { databaseKinds } from '../support/databases.ts';
import { signedInAs } from '../support/people.ts';
import { staffCsv } from '../support/staff.ts';

// The HR system's staff file (DOMAIN.md "People, organisation and roles"): previewed with each bad
// row by line, applied all at once only as previewed, idempotent, one apply of two at once.

const good = staffCsv(
  'H001,"Okafor, Margaret",margaret.okafor@demo.probity.test,Chief Executive,Legal and Democratic Services,,2010-01-04,,employee',
  'N100,Ned Newman,ned.newman@demo.probity.test,Planning Officer,Planning and Building Control,H001,01/04/2026,,agency',
  'N101,Ola Oduya,ola.oduya@demo.probity.test,Planning Assistant,Planning and Building Control,ned.newman@demo.probity.test,2026-04-01,,volunteer',
);

type Preview = {
  importId: string;
  added: { line: number; values: { name: string } }[];
  changed: { line: number; changes: { field: string; from: string; to: string }[] }[];
  leavers: { name: string }[];
  errors: { line: number; message: string }[];
};

describe.each(databaseKinds)('the staff import on %s', (kind) => {
  let t: TestApp;
  const as = demoApi(() => t);
  const preview = async (csv: string, who = 'emma.clarke') => {
    const answer = await as(who, 'POST', '/api/v1/people/imports', { csv });
    expect(answer.statusCode).toBe(201);
    return answer.json() as Preview;
  };
  const apply = (id: string, who = 'emma.clarke') => as(who, 'POST', `/api/v1/people/imports/${id}/apply`);
  const person = (email: string) =>
    t.db.selectFrom('person').selectAll().where('email', '=', email).executeTakeFirst();

  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('reports every bad row by its line and applies nothing', async () => {
    const bad = staffCsv(
      'B1,No Email,,Officer,,,,,employee',
      'B2,Bad Date,bad.date@x.test,Officer,,,2026-02-30,,employee',
      'B3,No Service,no.service@x.test,Officer,Nowhere,,,,employee',
      'B4,Lost Manager,lost@x.test,Officer,,Z999,,,employee',
      'B5,Twice,twice@x.test,Officer,,,,,employee',
      'B5,Twice Again,twice.again@x.test,Officer,,,,,employee',
      'C1,Circle One,c1@x.test,Officer,,C2,,,employee',
      'C2,Circle Two,c2@x.test,Officer,,C1,,,employee',
      'B6,Odd Contract,odd@x.test,Officer,,,,,zero-hours',
      'B7,"Quoted, Name","q@x.test",Officer,"Housing",,,,employee',
    );
    const shown = await preview(bad);
    expect(shown.errors.map((e) => e.line)).toEqual([2, 3, 4, 5, 7, 8, 9, 10]);
    expect(shown.errors[0]?.message).toBe('The email address of B1 is missing');
    expect(shown.errors[1]?.message).toContain('not a date');
    expect(shown.errors[2]?.message).toContain('“Nowhere” is not one of the council’s services');
    expect(shown.errors[3]?.message).toContain('not in the file nor among the council’s people');
    expect(shown.errors[4]?.message).toBe('Staff number B5 is also on line 6');
    expect(shown.errors[5]?.message).toContain('go round in a circle');
    expect(shown.errors[7]?.message).toContain('is not a contract type');
    expect(shown.added.map((a) => a.values.name)).toEqual(['Twice', 'Quoted, Name']);
    const refused = await apply(shown.importId);
    expectProblem(refused, 400);
    expect(await person('q@x.test')).toBeUndefined();
  });

  it('applies a clean file once, in one go, and the same file again changes nothing', async () => {
    const shown = await preview(good);
    expect(shown.errors).toEqual([]);
    expect(shown.added.map((a) => a.line)).toEqual([3, 4]);
    expect(shown.changed).toEqual([
      expect.objectContaining({
        line: 2,
        changes: expect.arrayContaining([
          { field: 'Staff number', from: '', to: 'H001' },
          { field: 'Name', from: 'Margaret Okafor', to: 'Okafor, Margaret' },
        ]),
      }),
    ]);
    const applied = await apply(shown.importId);
    expect(applied.json()).toEqual({ added: 2, changed: 1, leavers: 0, unchanged: 0 });
    const owen = await person('ola.oduya@demo.probity.test');
    const nia = await person('ned.newman@demo.probity.test');
    expect(owen).toMatchObject({
      staff_number: 'N101',
      line_manager_id: nia?.id,
      employment_type: 'volunteer',
    });
    expect(nia).toMatchObject({ start_date: '2026-04-01', employment_type: 'agency' });
    expectProblem(await apply(shown.importId), 400);
    const again = await preview(good);
    expect({ added: again.added, changed: again.changed, leavers: again.leavers }).toEqual({
      added: [],
      changed: [],
      leavers: [],
    });
    expect((await apply(again.importId)).json()).toEqual({ added: 0, changed: 0, leavers: 0, unchanged: 3 });
    const audited = await t.db
      .selectFrom('audit_event')
      .select(sql<number>`count(*)::int`.as('count'))
      .where('action', 'in', ['person.imported', 'person.import-updated'])
      .executeTakeFirstOrThrow();
    expect(audited.count).toBe(3);
    expect(await verifyAuditChain(t.db, t.councilId)).toMatchObject({ intact: true });
  });

  it('refuses a preview made stale by a change to the people, and one of two applies at once', async () => {
    const changed = staffCsv(
      'N100,Ned Newman,ned.newman@demo.probity.test,Senior Planning Officer,Planning and Building Control,H001,2026-04-01,,agency',
    );
    const stale = await preview(changed);
    const other = await preview(staffCsv('N102,Pat Lee,pat.lee@demo.probity.test,Planner,,N100,,,employee'));
    expect((await apply(other.importId)).statusCode).toBe(200);
    const refused = await apply(stale.importId);
    expectProblem(refused, 400);
    expect((refused.json() as Problem).errors?.[0]?.message).toContain('preview it again');
    const fresh = await preview(changed);
    const [first, second] = await Promise.all([apply(fresh.importId), apply(fresh.importId)]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 400]);
    expect((await person('ned.newman@demo.probity.test'))?.job_title).toBe('Senior Planning Officer');
  });

  it('keeps a staff file only until it is applied, or for a day after its preview', async () => {
    const fileOf = async (id: string) =>
      (await t.db.selectFrom('staff_import').select('csv').where('id', '=', id).executeTakeFirstOrThrow())
        .csv;
    const kept = await preview(staffCsv('K001,Kim Keeper,kim.keeper@demo.probity.test,Officer,,,,,employee'));
    const left = await preview(staffCsv('K002,Lee Left,lee.left@demo.probity.test,Officer,,,,,employee'));
    const dayAndHourAgo = new Date(t.clock.now().getTime() - 25 * 60 * 60 * 1000);
    await t.db
      .updateTable('staff_import')
      .set({ previewed_at: dayAndHourAgo })
      .where('id', '=', left.importId)
      .execute();
    const job = t.jobs.find((scheduled) => scheduled.name === 'staff files a day after their preview');
    expect(await job?.run()).toBe(1);
    expect(await fileOf(kept.importId)).toContain('Kim Keeper');
    expect(await fileOf(left.importId)).toBe('');

    const refused = await apply(left.importId);
    expectProblem(refused, 400);
    expect(JSON.stringify(refused.json())).toContain('This preview has expired');
    expect(await person('lee.left@demo.probity.test')).toBeUndefined();
    const hr = await signedInAs(t, 'emma.clarke@demo.probity.test', 'probity demo 2026');
    const expired = await hr.get(`/people/imports/${left.importId}`);
    expect(expired.body).toContain('This staff file’s preview has expired');
    expect(expired.body).toContain('href="/people/import"');
    expect(expired.body).not.toContain('Apply the staff file');

    expect((await apply(kept.importId)).json()).toEqual({ added: 1, changed: 0, leavers: 0, unchanged: 0 });
    expect(await fileOf(kept.importId)).toBe('');
    const applied = await hr.get(`/people/imports/${kept.importId}`);
    expect(applied.body).toContain('Staff file applied');
    expect(applied.body).toMatch(/People added<\/dt><dd class="govuk-summary-list__value">1</);
    expect(applied.body).not.toContain('Apply the staff file');
  });

  it('refuses an uploaded file that is not text, changing nothing', async () => {
    const hr = await signedInAs(t, 'emma.clarke@demo.probity.test', 'probity demo 2026');
    const form = await hr.get('/people/import');
    const before = await t.db
      .selectFrom('staff_import')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    const content = Buffer.from(staffCsv('N200,Nul\u0000Byte,nul@demo.probity.test,Officer,,,,,employee'));
    const answer = await postMultipart(
      t,
      hr,
      '/people/import',
      { _csrf: csrfOf(form.body) },
      {
        field: 'file',
        name: 'staff.csv',
        type: 'text/csv',
        content,
      },
    );
    expect(answer.statusCode).toBe(400);
    expect(answer.body).toContain('The file is not a CSV text file: export it from the HR system as CSV');
    const after = await t.db
      .selectFrom('staff_import')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('refuses at preview a file in which two people swap email addresses, saying whose each is', async () => {
    const swapped = staffCsv(
      'N100,Ned Newman,ola.oduya@demo.probity.test,Senior Planning Officer,Planning and Building Control,H001,2026-04-01,,agency',
      'N101,Ola Oduya,ned.newman@demo.probity.test,Planning Assistant,Planning and Building Control,N100,2026-04-01,,volunteer',
    );
    const shown = await preview(swapped, 'chris.taylor');
    expect(shown.errors).toEqual([
      {
        line: 2,
        message: 'The email address ola.oduya@demo.probity.test is Ola Oduya’s, not staff number N100’s',
      },
      {
        line: 3,
        message: 'The email address ned.newman@demo.probity.test is Ned Newman’s, not staff number N101’s',
      },
    ]);
    expectProblem(await apply(shown.importId, 'chris.taylor'), 400);
    expect(await person('ned.newman@demo.probity.test')).toMatchObject({ name: 'Ned Newman' });
  });

  it('makes a leaver of a person whose leaving date has passed: they cannot sign in', async () => {
    const left = await preview(
      staffCsv(
        'N101,Ola Oduya,ola.oduya@demo.probity.test,Planning Assistant,Planning and Building Control,N100,2026-04-01,2026-11-01,volunteer',
      ),
    );
    expect(left.leavers.map((l) => l.name)).toEqual(['Ola Oduya']);
    expect((await apply(left.importId)).json()).toMatchObject({ leavers: 1, changed: 1 });
    expect(await person('ola.oduya@demo.probity.test')).toMatchObject({
      active: false,
      leaving_date: '2026-11-01',
    });
  });

  it('is only for HR and the system administrator, and only for their own council’s people', async () => {
    expect((await as('james.oneill', 'POST', '/api/v1/people/imports', { csv: good })).statusCode).toBe(403);
    const shown = await preview(good, 'chris.taylor');
    const token = await outsiderToken(t);
    const outside = await t
      .client()
      .api('POST', `/api/v1/people/imports/${shown.importId}/apply`, undefined, token);
    expectProblem(outside, 404);
    const theirs = await t.client().api('POST', '/api/v1/people/imports', { csv: good }, token);
    expect(theirs.statusCode).toBe(201);
    const plan = theirs.json() as Preview;
    expect(plan.errors.map((e) => e.message)).toEqual([
      expect.stringContaining('already has an account'),
      expect.stringContaining('already has an account'),
      expect.stringContaining('already has an account'),
    ]);
    const ours = await t.db.selectFrom('person').select('id').where('council_id', '=', t.councilId).execute();
    expect(plan).toMatchObject({ added: [], changed: [] });
    expect(ours.length).toBeGreaterThan(3);
  });
});
