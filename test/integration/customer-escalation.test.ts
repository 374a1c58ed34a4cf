import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customersService } from '../../src/modules/customers/service.ts';
import { complaintLetters } from '../../src/modules/letters/service.ts';
import { organisationService } from '../../src/modules/organisation/service.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoClients, demoPersonId } from '../support/clients.ts';
import { addCustomer, contactPosted, decisionPosted, errorSummary } from '../support/customers.ts';
import { databaseKinds, demoSeededAt } from '../support/databases.ts';
import { principalOf } from '../support/principal.ts';

// Each step up (warning, final warning, vexatious) starts from the one before it: its evidence and
// Equality Act check to edit, the contacts since it, and a warning when there are none
// (003 vexatious procedure §4.4-4.5; DOMAIN.md §4). Each test starts at 9am London on a day of its
// own (from Monday 23 November 2026) and moves the clock on, so this file has an app of its own.

const contact = contactPosted;
const decision = decisionPosted;
const { evidence, equalityCheck } = decisionPosted();

// What a form's textarea holds as the page is first shown.
const textarea = (body: string, name: string) =>
  new RegExp(`<textarea[^>]*name="${name}"[^>]*>([^<]*)</textarea>`).exec(body)?.[1];

// The GOV.UK warning that no new contact was recorded since the previous step, as read out.
const noNewContact = (body: string) =>
  /id="no-new-contact"[\s\S]*?<strong[^>]*>([\s\S]*?)<\/strong>/
    .exec(body)?.[1]
    ?.replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim() ?? null;

describe.each(databaseKinds)('escalating a customer from the previous step on %s', (kind) => {
  let t: TestApp;
  const client = demoClients(() => t);
  const clock = fixedClock(demoSeededAt);

  beforeAll(async () => {
    t = await startTestApp(kind, { clock });
  });
  afterAll(() => t.close());

  // 9am London on 23 November 2026 (GMT), or a later day.
  const nineAm = (day: number) => {
    clock.set(new Date(`2026-11-${day}T09:00:00Z`));
    client.forget();
  };
  // Time passes between the steps; the people sign in again afterwards.
  const later = (minutes: number) => {
    clock.advance(minutes * 60_000);
    client.forget();
  };

  const newCustomer = (name: string, email: string) => addCustomer(client, { name, email });

  async function logContact(id: string, summary: string, extra: Record<string, string> = {}) {
    const response = await (await client('chloe.roberts')).post(
      `/customers/${id}/contacts/new`,
      contact(summary, extra),
    );
    expect(response.statusCode, response.body).toBe(303);
  }

  const evidenceRecorded = async (id: string) =>
    (
      await sql<{
        category: string;
        evidence: string;
      }>`select category, evidence from customer_categorisation where customer_id = ${id} order by decided_at, id`.execute(
        t.db,
      )
    ).rows;

  it('carries the evidence forward to edit, lists the contacts since the last step, and warns when there are none', async () => {
    nineAm(23);
    const id = await newCustomer('Esther Escalate', 'esther.escalate@example.com');
    await logContact(id, 'Shouted at the adviser about the parking fine');
    const lucy = await demoPersonId(t, 'lucy.adeyemi');

    // The first step: the whole timeline, nothing to carry forward, nothing to warn about.
    const head = await client('sarah.jenkins');
    const first = await head.get(`/customers/${id}/warning`);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('The contact timeline');
    expect(first.body).toContain('Shouted at the adviser about the parking fine');
    expect(textarea(first.body, 'evidence')).toBe('');
    expect(first.body).not.toContain('Carried forward');
    expect(noNewContact(first.body)).toBeNull();
    expect((await head.post(`/customers/${id}/warning`, decision())).statusCode).toBe(303);

    // An hour later: the final warning starts from the warning's evidence and Equality Act check.
    later(60);
    const officer = await client('james.oneill');
    const unchanged = await officer.get(`/customers/${id}/pre-vexatious`);
    expect(unchanged.statusCode).toBe(200);
    expect(textarea(unchanged.body, 'evidence')).toBe(evidence);
    expect(textarea(unchanged.body, 'equalityCheck')).toBe(equalityCheck);
    expect(textarea(unchanged.body, 'behaviour')).toBe(''); // the letter's words are written afresh
    expect(unchanged.body).toContain(
      'Carried forward from the warning on 23 November 2026 at 9am: edit it to add what has happened since',
    );
    expect(unchanged.body).toContain(
      'The last step was the warning on 23 November 2026 at 9am, by Sarah Jenkins.',
    );
    expect(noNewContact(unchanged.body)).toBe(
      'Warning No new contact has been recorded since the warning on 23 November 2026 at 9am. The next step is for behaviour that has continued since then: log the contacts first, or say in the evidence why this step is needed now. Log a contact',
    );
    // What the warning answered is on the record, not among the contacts since.
    expect(unchanged.body).not.toContain('Shouted at the adviser');

    // A late note of a letter from before the warning is not new contact; a call after it is.
    await logContact(id, 'Letter from before the warning, filed late', { 'date-day': '22' });
    await logContact(id, 'Phoned twice more after the warning letter', { 'date-day': '23', time: '09:40' });
    const since = await officer.get(`/customers/${id}/pre-vexatious`);
    expect(noNewContact(since.body)).toBeNull();
    expect(since.body).toContain('1 contact since then, 25 minutes of officer time');
    expect(since.body).toContain('23 November 2026 at 9:40am');
    expect(since.body).toContain('Phoned twice more after the warning letter');
    expect(since.body).not.toContain('filed late');
    expect(since.body).toContain('The whole timeline, with the 3 contacts logged');

    // The officer edits what was carried forward; a refused post keeps what they typed.
    const edited = `${evidence} Since the warning: two more calls on 23 November.`;
    const refused = await officer.post(
      `/customers/${id}/pre-vexatious`,
      decision({ evidence: edited, equalityCheck: '', singlePointOfContactId: lucy }),
    );
    expect(refused.statusCode).toBe(400);
    expect(errorSummary(refused.body)).toEqual(['Enter the Equality Act check']);
    expect(textarea(refused.body, 'evidence')).toBe(edited);
    expect(textarea(refused.body, 'equalityCheck')).toBe(''); // as typed, not carried forward again
    const pre = await officer.post(
      `/customers/${id}/pre-vexatious`,
      decision({ evidence: edited, singlePointOfContactId: lucy }),
    );
    expect(pre.statusCode, pre.body).toBe(303);

    // Straight on to vexatious with nothing new since the final warning: warned, not stopped.
    later(30);
    const manager = await client('lucy.adeyemi');
    const vexatious = await manager.get(`/customers/${id}/vexatious`);
    expect(textarea(vexatious.body, 'evidence')).toBe(edited);
    expect(vexatious.body).toContain('Carried forward from the final warning on 23 November 2026 at 10am');
    expect(noNewContact(vexatious.body)).toContain(
      'No new contact has been recorded since the final warning on 23 November 2026 at 10am.',
    );
    const decided = await manager.post(`/customers/${id}/vexatious`, {
      ...decision({ evidence: edited, singlePointOfContactId: lucy }),
      restrictions: 'no-phone',
    });
    expect(decided.statusCode, decided.body).toBe(303);
    expect(await evidenceRecorded(id)).toEqual([
      { category: 'warned', evidence },
      { category: 'pre-vexatious', evidence: edited },
      { category: 'vexatious', evidence: edited },
    ]);
  });

  it('after a review moves them down, counts contacts from the review and carries the last step up’s evidence', async () => {
    nineAm(24);
    const id = await newCustomer('Rupert Reviewed', 'rupert.reviewed@example.com');
    await logContact(id, 'Abusive call');
    const lucy = await demoPersonId(t, 'lucy.adeyemi');
    const manager = () => client('lucy.adeyemi');
    expect((await (await manager()).post(`/customers/${id}/warning`, decision())).statusCode).toBe(303);
    later(60);
    await logContact(id, 'Called again after the warning', { 'date-day': '24', time: '09:30' });
    const finalEvidence = 'Two more abusive calls after the warning.';
    const pre = await (await manager()).post(
      `/customers/${id}/pre-vexatious`,
      decision({ evidence: finalEvidence, singlePointOfContactId: lucy }),
    );
    expect(pre.statusCode, pre.body).toBe(303);
    later(60);
    const review = await (await manager()).post(`/customers/${id}/review`, [
      ['decision', 'change'],
      ['category', 'warned'],
      ['notes', 'Calls have stopped; back to a warning.'],
    ]);
    expect(review.statusCode, review.body).toBe(303);

    later(10);
    const again = await (await manager()).get(`/customers/${id}/pre-vexatious`);
    expect(again.body).toContain(
      'The last step was the review on 24 November 2026 at 11am, by Lucy Adeyemi.',
    );
    expect(noNewContact(again.body)).toContain(
      'No new contact has been recorded since the review on 24 November 2026 at 11am.',
    );
    expect(textarea(again.body, 'evidence')).toBe(finalEvidence);
    expect(again.body).toContain('Carried forward from the final warning on 24 November 2026 at 10am');
  });

  it('answers the warning with the decision, for a caller that never saw the form', async () => {
    nineAm(25);
    const id = await newCustomer('Amos Answered', 'amos.answered@example.com');
    await logContact(id, 'Abusive call');
    const deps = { db: t.db, clock: t.clock, outbox: t.outbox, baseUrl: 'http://probity.test' };
    const organisation = organisationService(deps);
    const customers = customersService(
      { ...deps, organisation },
      { letters: complaintLetters({ ...deps, organisation }) },
    );
    const personId = await demoPersonId(t, 'lucy.adeyemi');
    const manager = await principalOf(organisation, t.councilId, personId);
    const form = {
      ...decision(),
      singlePointOfContactId: personId,
      restrictions: [],
      namedOfficerId: '',
      restrictionDetail: '',
    };
    const warned = await customers.categorise(manager, id, 'warned', form);
    expect(warned.warnings).toEqual([]);
    later(5);
    const pre = await customers.categorise(manager, id, 'pre-vexatious', form);
    expect(pre.warnings).toEqual([
      expect.stringMatching(
        /^No new contact has been recorded since the warning on 25 November 2026 at 9am\./,
      ),
    ]);
    const shown = await customers.escalation(manager, id);
    expect(shown.previous?.id).toBe(pre.categorisationId);
    expect(shown.noNewContact).toContain(
      'No new contact has been recorded since the final warning on 25 November 2026 at 9:05am.',
    );
  });
});
