import type { Kysely } from 'kysely';
import { actorFor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { InvalidInput, NotFound } from '../../../platform/errors.ts';
import { categoryLabel, outcomeLabel, type Route, routeNames } from '../categories.ts';
import { type ConcernsDeps, toTheMinute } from '../deps.ts';
import { exchangeOf, keyOf, postMessage } from '../exchange.ts';
import { type ConcernAction, can } from '../policy.ts';
import { type ConcernRow, concernsOf, documentContent, findConcern } from '../repository.ts';
import type { ConcernContent } from '../sealing.ts';
import type { MessageForm, OutcomeForm } from './input.ts';
import { type CaseworkMove, caseworkRefusal, clocksOf } from './rules.ts';

// The investigator's side: the concerns assigned to them, each file opened (and the opening
// audited, never what it says), acknowledged, answered, and its outcome recorded.

// The concern, when the person may do this to it; otherwise as if it did not exist.
async function concernFor(deps: ConcernsDeps, principal: Principal, id: string, action: ConcernAction) {
  const row = await findConcern(deps.db, principal.councilId, id);
  if (!row || !can(principal, action, { investigatorIds: row.investigator_ids }))
    throw new NotFound('No such concern');
  return row;
}

function reporterOf(row: ConcernRow, content: ConcernContent) {
  if (!content.reporter) return { shown: 'Anonymous', contact: '' };
  return {
    shown: content.reporter.name,
    contact: content.reporter.contact,
    protectedName: row.identity_protected,
  };
}

// What the concern says, opened with its key; once the key was destroyed under the retention
// policy, nothing of it but when it was removed.
async function contentOf(deps: ConcernsDeps, councilId: string, row: ConcernRow) {
  const key = keyOf(deps, councilId, row);
  if (!key) {
    const removedOn = row.anonymised_at ? londonDate(row.anonymised_at) : null;
    return { removedOn, what: '', involvedNames: '', reporter: null, messages: [], documents: [] };
  }
  const content = JSON.parse(deps.sealer.openText(key, 'content', row.sealed)) as ConcernContent;
  return {
    removedOn: null,
    what: content.what,
    involvedNames: content.involvedNames,
    reporter: reporterOf(row, content),
    ...(await exchangeOf(deps, deps.db, key)),
  };
}

async function openConcern(deps: ConcernsDeps, principal: Principal, id: string, requestId?: string) {
  const row = await concernFor(deps, principal, id, 'read');
  const [content, policy] = await Promise.all([
    contentOf(deps, principal.councilId, row),
    deps.organisation.policy(principal.councilId),
  ]);
  await deps.db.transaction().execute((trx) =>
    appendAudit(
      trx,
      actorFor(principal, requestId),
      {
        action: 'concern.opened',
        recordType: 'concern',
        recordId: id,
        after: { reference: row.reference },
      },
      deps.clock.now(),
    ),
  );
  return {
    id,
    reference: row.reference,
    category: categoryLabel(row.category),
    route: routeNames[row.route as Route] ?? row.route,
    receivedOn: row.received_on,
    acknowledgedOn: row.acknowledged_on,
    feedbackOn: row.feedback_on,
    outcome: row.outcome ? outcomeLabel(row.outcome) : null,
    reporterTold: row.reporter_told,
    closedOn: row.closed_on,
    clocks: clocksOf(
      { receivedOn: row.received_on, acknowledgedOn: row.acknowledged_on, feedbackOn: row.feedback_on },
      policy,
      londonDate(deps.clock.now()),
    ),
    ...content,
  };
}
export type ConcernFile = Awaited<ReturnType<typeof openConcern>>;

const removedMessage =
  'This concern’s content was removed under the council’s retention policy, so nothing more can be sent on it';

// Holds the concern for this move in its transaction while the rules still allow it, re-read under
// the hold: of two at once, the second sees what the first did and is refused, having changed nothing.
async function hold(trx: Kysely<Database>, councilId: string, id: string, move: CaseworkMove, key: string) {
  const held = await trx
    .updateTable('concern')
    .set((eb) => ({ closed_on: eb.ref('closed_on') }))
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .returning(['closed_on', 'acknowledged_on'])
    .executeTakeFirst();
  const refusal = held
    ? caseworkRefusal({ closedOn: held.closed_on, acknowledgedOn: held.acknowledged_on }, move)
    : 'No such concern';
  if (refusal) throw new InvalidInput([{ key, message: refusal }]);
}

const standardAcknowledgement =
  'Thank you for raising your concern. We have received it and will look into it. We will tell you what is being done, and we may ask you questions here.';

async function send(
  deps: ConcernsDeps,
  principal: Principal,
  id: string,
  message: { kind: MessageForm['kind'] | 'acknowledgement'; text: string },
  requestId?: string,
) {
  const row = await concernFor(deps, principal, id, 'reply');
  const key = keyOf(deps, principal.councilId, row);
  if (!key) throw new InvalidInput([{ key: 'text', message: removedMessage }]);
  const move = message.kind === 'acknowledgement' ? 'acknowledge' : 'message';
  const now = deps.clock.now();
  const today = londonDate(now);
  await deps.db.transaction().execute(async (trx) => {
    await hold(trx, principal.councilId, id, move, 'text');
    await postMessage(deps, trx, key, {
      fromReporter: false,
      authorId: principal.personId,
      ...message,
      // Every message is dated to the minute, as the reporter's are.
      at: toTheMinute(now),
    });
    const dates = {
      ...(message.kind === 'acknowledgement' && !row.acknowledged_on ? { acknowledged_on: today } : {}),
      ...(message.kind === 'feedback' && !row.feedback_on ? { feedback_on: today } : {}),
    };
    if (Object.keys(dates).length)
      await trx
        .updateTable('concern')
        .set(dates)
        .where('council_id', '=', principal.councilId)
        .where('id', '=', id)
        .execute();
    const action = message.kind === 'acknowledgement' ? 'concern.acknowledged' : 'concern.message-sent';
    await appendAudit(
      trx,
      actorFor(principal, requestId),
      { action, recordType: 'concern', recordId: id, after: { kind: message.kind } },
      now,
    );
  });
}

async function recordOutcome(
  deps: ConcernsDeps,
  principal: Principal,
  id: string,
  form: OutcomeForm,
  requestId?: string,
) {
  await concernFor(deps, principal, id, 'decide');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await hold(trx, principal.councilId, id, 'outcome', 'outcome');
    await trx
      .updateTable('concern')
      .set({ outcome: form.outcome, reporter_told: form.told === 'yes', closed_on: londonDate(now) })
      .where('council_id', '=', principal.councilId)
      .where('id', '=', id)
      .execute();
    await appendAudit(
      trx,
      actorFor(principal, requestId),
      {
        action: 'concern.outcome-recorded',
        recordType: 'concern',
        recordId: id,
        after: { outcome: form.outcome, reporterTold: form.told === 'yes' },
      },
      now,
    );
  });
}

async function document(
  deps: ConcernsDeps,
  principal: Principal,
  id: string,
  documentId: string,
  requestId?: string,
) {
  const row = await concernFor(deps, principal, id, 'read');
  const found = await documentContent(deps.db, principal.councilId, id, documentId);
  const key = keyOf(deps, principal.councilId, row);
  if (!found || !key) throw new NotFound('No such document');
  await deps.db
    .transaction()
    .execute((trx) =>
      appendAudit(
        trx,
        actorFor(principal, requestId),
        { action: 'concern.document-viewed', recordType: 'concern', recordId: id, after: { documentId } },
        deps.clock.now(),
      ),
    );
  return {
    contentType: found.content_type,
    fileName: deps.sealer.openText(key, `document/${documentId}/name`, found.sealed_name),
    content: deps.sealer.openBytes(key, `document/${documentId}/content`, found.sealed_content),
  };
}

export function casework(deps: ConcernsDeps) {
  return {
    assignedTo: async (principal: Principal) =>
      (await concernsOf(deps.db, principal.councilId, principal.personId)).map((row) => ({
        ...row,
        categoryName: categoryLabel(row.category),
      })),
    open: (principal: Principal, id: string, requestId?: string) =>
      openConcern(deps, principal, id, requestId),
    acknowledge: (principal: Principal, id: string, text: string, requestId?: string) =>
      send(
        deps,
        principal,
        id,
        { kind: 'acknowledgement', text: text || standardAcknowledgement },
        requestId,
      ),
    message: (principal: Principal, id: string, form: MessageForm, requestId?: string) =>
      send(deps, principal, id, form, requestId),
    recordOutcome: (principal: Principal, id: string, form: OutcomeForm, requestId?: string) =>
      recordOutcome(deps, principal, id, form, requestId),
    document: (principal: Principal, id: string, documentId: string, requestId?: string) =>
      document(deps, principal, id, documentId, requestId),
  };
}
export type ConcernCasework = ReturnType<typeof casework>;
