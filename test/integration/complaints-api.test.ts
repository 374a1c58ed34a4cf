import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApi, expectProblem, outsider, type Problem } from '../support/api.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demo } from '../support/clients.ts';
import { databaseKinds } from '../support/databases.ts';
import { addTestPerson, personIdByEmail, tokenFor } from '../support/people.ts';
import { auditEvents, rowCount } from '../support/rows.ts';

// The complaints API: the case pages' use cases over JSON, with their rules, need-to-know and
// letters checked before they go. Today in the test app is Monday 23 November 2026.

type Stage = { stage: number; acknowledgeBy: string; respondBy: string | null; extendedTo: string | null };
type Case = {
  complaint: { id: string; reference: string; status: string; stage: number; customerName: string };
  due: string | null;
  stages: Stage[];
  remedies: { id: string; doneOn: string | null; ownerName: string }[];
  actions: Record<string, boolean>;
};
type Changed = { case: Case; letter: { id: string; state: string; checkAt: string } | null };

const logged = (name: string, extra: Record<string, unknown> = {}) => ({
  channel: 'phone',
  receivedOn: '2026-11-20',
  receivedTime: '14:30',
  forWhom: 'self',
  name,
  email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.test`,
  phone: '',
  address: '1 High Street, Demoton',
  preference: 'email',
  serviceId: 'unknown',
  whatHappened: 'The bins were not collected for three weeks.',
  happenedOn: '2026-11-01',
  wantedOutcome: 'Collect them, and say sorry.',
  needsAdjustments: false,
  ...extra,
});

const accept = { decision: 'complaint', category: 'service-quality', housing: false, reason: '' };

describe.each(databaseKinds)('the complaints API on %s', (kind) => {
  let t: TestApp;
  const call = demoApi(() => t);

  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  async function logComplaint(name: string) {
    const response = await call('lucy.adeyemi', 'POST', '/api/v1/complaints', logged(name));
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Case;
  }
  const letterRow = (id: string) =>
    t.db
      .selectFrom('letter')
      .select(['state', 'kind', 'sent_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const status = async (reference: string) =>
    (
      await t.db
        .selectFrom('complaint')
        .select('status')
        .where('council_id', '=', t.councilId)
        .where('reference', '=', reference)
        .executeTakeFirstOrThrow()
    ).status;

  it('lists every complaints operation in the OpenAPI document with its problems', async () => {
    const spec = (await t.client().api('GET', '/api/openapi.json')).json() as {
      paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>>;
    };
    const ids = Object.entries(spec.paths)
      .filter(([path]) => path.startsWith('/api/v1/complaints'))
      .flatMap(([, item]) => Object.values(item).map((operation) => operation.operationId))
      .sort();
    expect(ids).toEqual(
      [
        'addComplaintRemedy',
        'addServiceImprovement',
        'allocateComplaint',
        'closeComplaint',
        'completeComplaintRemedy',
        'escalateComplaint',
        'extendComplaint',
        'getComplaint',
        'listComplaints',
        'logComplaint',
        'respondToComplaint',
        'triageComplaint',
      ].sort(),
    );
    const triage = spec.paths['/api/v1/complaints/{reference}/triage']?.post;
    expect(Object.keys(triage?.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '404', '413', '415', '429']),
    );
  });

  it('takes a logged complaint through both stages to closure, each letter a draft to check', async () => {
    const made = await logComplaint('Rhona Twostage');
    const { reference } = made.complaint;
    expect(made.complaint.status).toBe('awaiting-triage');
    expect(made.stages[0]?.acknowledgeBy).toBe('2026-11-27');
    expect(made.actions.triage).toBe(true);

    const listed = await call('james.oneill', 'GET', `/api/v1/complaints?q=${reference}`);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items.map((item: { reference: string }) => item.reference)).toEqual([reference]);

    const triaged = await call('lucy.adeyemi', 'POST', `/api/v1/complaints/${reference}/triage`, accept);
    expect(triaged.statusCode, triaged.body).toBe(200);
    const afterTriage = triaged.json() as Changed;
    expect(afterTriage.case.complaint.status).toBe('stage-1');
    expect(afterTriage.letter).toMatchObject({
      state: 'draft',
      checkAt: `/letters/${afterTriage.letter?.id}`,
    });
    // Written, not sent: nothing has gone to the complainant until someone checks and sends it.
    expect(await letterRow(afterTriage.letter?.id ?? '')).toMatchObject({
      state: 'draft',
      kind: 'acknowledgement',
      sent_at: null,
    });
    expect(t.smtp.received.filter((mail) => mail.to === 'rhona.twostage@example.test')).toEqual([]);

    const james = await personIdByEmail(t.db, demo('james.oneill'));
    const allocated = await call('lucy.adeyemi', 'POST', `/api/v1/complaints/${reference}/allocation`, {
      handlerId: james,
    });
    expect(allocated.statusCode, allocated.body).toBe(200);
    expect((allocated.json() as Changed).letter).toBeNull();
    // To the handler it already has, again and at once: refused, and they are not told again.
    const allocatedBefore = await auditEvents(t.db, { action: 'complaint.allocated' });
    const again = await Promise.all(
      [0, 1, 2].map(() =>
        call('lucy.adeyemi', 'POST', `/api/v1/complaints/${reference}/allocation`, { handlerId: james }),
      ),
    );
    for (const answer of again) {
      expectProblem(answer, 400);
      expect(answer.json().detail ?? answer.body).toContain('already handles this complaint');
    }
    expect(await auditEvents(t.db, { action: 'complaint.allocated' })).toHaveLength(allocatedBefore.length);
    // Only the complaints whose current stage a person handles, as a query string says it.
    const mine = async (who: string) =>
      (await call(who, 'GET', `/api/v1/complaints?mine=true&q=${reference}`)).json().items.length;
    expect([await mine('james.oneill'), await mine('hannah.price')]).toEqual([1, 0]);

    // Sent twice at once: one extends and drafts its letter; the other changes nothing.
    const lettersBefore = await rowCount(t.db, 'letter');
    const both = await Promise.all(
      [0, 1].map(() =>
        call('james.oneill', 'POST', `/api/v1/complaints/${reference}/extension`, {
          days: 5,
          reason: 'Waiting for the contractor’s records',
        }),
      ),
    );
    const extended = both.find((answer) => answer.statusCode === 200);
    if (!extended) throw new Error(`No extension: ${both.map((answer) => answer.body).join()}`);
    const twice = both.find((answer) => answer !== extended) ?? extended;
    expectProblem(twice, 400);
    expect((twice.json() as Problem).errors?.[0]?.message).toMatch(/^The response is already extended to /);
    expect(await rowCount(t.db, 'letter')).toBe(lettersBefore + 1);
    const extendedCase = (extended.json() as Changed).case;
    expect(extendedCase.stages[0]?.extendedTo).not.toBeNull();
    expect(extendedCase.due).toBe(extendedCase.stages[0]?.extendedTo);

    const lucy = await personIdByEmail(t.db, demo('lucy.adeyemi'));
    const remedy = await call('james.oneill', 'POST', `/api/v1/complaints/${reference}/remedies`, {
      kind: 'apology',
      description: 'Apologise in writing',
      ownerId: lucy,
      dueOn: '2026-12-04',
    });
    expect(remedy.statusCode, remedy.body).toBe(200);
    const remedyId = (remedy.json() as Changed).case.remedies[0]?.id;
    const responded = await call('james.oneill', 'POST', `/api/v1/complaints/${reference}/response`, {
      outcome: 'upheld',
      findings: 'The round was missed three times.',
    });
    expect(responded.statusCode, responded.body).toBe(200);
    expect((responded.json() as Changed).case.complaint.status).toBe('stage-1-responded');
    expect(await letterRow((responded.json() as Changed).letter?.id ?? '')).toMatchObject({
      state: 'draft',
      kind: 'stage-1-response',
    });

    const escalated = await call('lucy.adeyemi', 'POST', `/api/v1/complaints/${reference}/escalation`, {
      reason: 'Still not collected',
    });
    expect(escalated.statusCode, escalated.body).toBe(200);
    const stageTwo = (escalated.json() as Changed).case;
    expect(stageTwo.complaint).toMatchObject({ status: 'stage-2', stage: 2 });
    expect(stageTwo.stages.map((stage) => stage.stage)).toEqual([1, 2]);

    const done = await call(
      'lucy.adeyemi',
      'POST',
      `/api/v1/complaints/${reference}/remedies/${remedyId}/done`,
    );
    expect(done.statusCode, done.body).toBe(200);
    expect((done.json() as Changed).case.remedies[0]?.doneOn).toBe('2026-11-23');
    const improved = await call('lucy.adeyemi', 'POST', `/api/v1/complaints/${reference}/improvements`, {
      improvement: 'Crews now report missed bins the same day',
    });
    expect(improved.statusCode, improved.body).toBe(200);
    const final = await call('lucy.adeyemi', 'POST', `/api/v1/complaints/${reference}/response`, {
      outcome: 'partially-upheld',
      findings: 'Collected on 20 November.',
    });
    expect(final.statusCode, final.body).toBe(200);
    const closed = await call('lucy.adeyemi', 'POST', `/api/v1/complaints/${reference}/close`, {});
    expect(closed.statusCode, closed.body).toBe(200);
    expect((closed.json() as Changed).case.complaint.status).toBe('closed');
    expect(await status(reference)).toBe('closed');
  });

  it('refuses bad input with problem+json naming the fields, and changes nothing', async () => {
    const before = await rowCount(t.db, 'complaint');
    const missing = await call('lucy.adeyemi', 'POST', '/api/v1/complaints', logged('', { channel: 'fax' }));
    expectProblem(missing, 400);
    expect((missing.json() as Problem).errors?.map((e) => e.key)).toEqual(
      expect.arrayContaining(['channel', 'name']),
    );
    expect(await rowCount(t.db, 'complaint')).toBe(before);

    const { complaint } = await logComplaint('Ivor Badinput');
    const events = (await auditEvents(t.db, { recordId: complaint.id })).length;
    const incomplete = await call(
      'lucy.adeyemi',
      'POST',
      `/api/v1/complaints/${complaint.reference}/triage`,
      {
        decision: 'complaint',
      },
    );
    expectProblem(incomplete, 400);
    expect((incomplete.json() as Problem).errors?.map((e) => e.key)).toEqual(['category', 'housing']);
    const unknown = await call('lucy.adeyemi', 'POST', `/api/v1/complaints/${complaint.reference}/triage`, {
      decision: 'whatever',
    });
    expectProblem(unknown, 400);
    const tooSoon = await call('lucy.adeyemi', 'POST', `/api/v1/complaints/${complaint.reference}/close`, {});
    expectProblem(tooSoon, 400);
    expect(await status(complaint.reference)).toBe('awaiting-triage');
    // Reading the case is audited; nothing else was recorded.
    const after = await auditEvents(t.db, { recordId: complaint.id });
    expect(after.slice(events).map((event) => event.action)).toEqual([]);
  });

  it('answers 403 to a token without the permission, and 404 for another council’s complaint', async () => {
    const { complaint } = await logComplaint('Priya Permission');
    const refused = await call(
      'chloe.roberts',
      'POST',
      `/api/v1/complaints/${complaint.reference}/triage`,
      accept,
    );
    expectProblem(refused, 403);
    expectProblem(await call('chloe.roberts', 'GET', '/api/v1/complaints'), 403);
    expect(await status(complaint.reference)).toBe('awaiting-triage');

    const other = await outsider(t, 'complaints-elsewhere');
    const managerThere = await addTestPerson(t.db, other.councilId, {
      email: 'manager@complaints-elsewhere.test',
      roles: ['officer', 'complaints-manager'],
    });
    const token = await tokenFor(t.db, other.councilId, managerThere);
    expectProblem(
      await t.client().api('GET', `/api/v1/complaints/${complaint.reference}`, undefined, token),
      404,
    );
    const triage = await t
      .client()
      .api('POST', `/api/v1/complaints/${complaint.reference}/triage`, accept, token);
    expectProblem(triage, 404);
    const theirs = await t
      .client()
      .api('GET', `/api/v1/complaints?q=${complaint.reference}`, undefined, token);
    expect(theirs.json().items).toEqual([]);
    expect(await status(complaint.reference)).toBe('awaiting-triage');
  });

  it('shows a complaint only to the complaints team: anyone else is told there is none', async () => {
    const { complaint } = await logComplaint('Nadia Needtoknow');
    const officer = await call('chloe.roberts', 'GET', `/api/v1/complaints/${complaint.reference}`);
    expectProblem(officer, 404);
    const team = await call('hannah.price', 'GET', `/api/v1/complaints/${complaint.reference}`);
    expect(team.statusCode).toBe(200);
    expect((team.json() as Case).complaint.customerName).toBe('Nadia Needtoknow');
  });

  it('lets one of two simultaneous triages win; the other is refused as the page refuses it', async () => {
    const { complaint } = await logComplaint('Sam Simultaneous');
    const url = `/api/v1/complaints/${complaint.reference}/triage`;
    const answers = await Promise.all([
      call('lucy.adeyemi', 'POST', url, accept),
      call('james.oneill', 'POST', url, accept),
    ]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 400]);
    const loser = answers.find((answer) => answer.statusCode === 400);
    expectProblem(loser ?? answers[0], 400);
    const letters = await t.db
      .selectFrom('letter')
      .select('kind')
      .where('complaint_id', '=', complaint.id)
      .execute();
    expect(letters.map((letter) => letter.kind)).toEqual(['acknowledgement']);
    expect((await auditEvents(t.db, { recordId: complaint.id, action: 'complaint.triaged' })).length).toBe(1);
  });
});
