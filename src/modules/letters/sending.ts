import type { Kysely } from 'kysely';
import { type Actor, appendAudit } from '../../platform/audit/audit-trail.ts';
import { dayMonthYear } from '../../platform/calendar/date-text.ts';
import { londonDate } from '../../platform/calendar/daylight.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/schema.ts';
import { NotFound } from '../../platform/errors.ts';
import { councilName, firstHolderOf, type ModuleDeps } from '../organisation/service.ts';
import { complaintFacts } from './complaint-facts.ts';
import type { LetterRequest } from './contract.ts';
import type { LetterState } from './drafts/rules.ts';
import { letterPdf } from './pdf.ts';
import { letterFileName, shownLetter } from './reading.ts';
import * as repo from './repository.ts';
import {
  callerValues,
  isLetterKind,
  keptAsWritten,
  type LetterKind,
  type LetterTemplate,
  ombudsmanDetails,
} from './templates/kinds.ts';
import { fillTemplate, LetterTemplateError } from './templates/rules.ts';
import { template } from './templates/service.ts';
import { defaultTemplate } from './templates/wording.ts';

export type LetterInput = LetterRequest<LetterKind>;

const systemSender = 'Complaints Manager';

/** The council's wording, or the default if the council's uses a placeholder the letter no longer
 * has (a template saved before an upgrade): the letter must still go. A missing value is the
 * caller's mistake and is thrown. */
function fillCouncilTemplate(kind: LetterKind, council: LetterTemplate, values: Record<string, string>) {
  try {
    return { filled: fillTemplate(kind, council, values), fellBack: false };
  } catch (error) {
    if (!(error instanceof LetterTemplateError) || error.missing.length > 0) throw error;
    return { filled: fillTemplate(kind, defaultTemplate(kind), values), fellBack: true };
  }
}

// Who signs: the officer who sent it, or for a letter no one signed in sent (the complainant
// escalating online), the complaints manager.
async function sender(trx: Kysely<Database>, councilId: string, sentBy: Actor | null): Promise<string> {
  if (sentBy?.personId) return sentBy.label;
  return (await firstHolderOf(trx, councilId, 'complaints-manager')) ?? systemSender;
}

function checkInput(input: LetterInput): LetterKind {
  const { kind } = input;
  if (!isLetterKind(kind)) throw new Error(`letters.write: no such letter kind "${kind}"`);
  const missing = callerValues(kind).filter((name) => typeof input.values[name] !== 'string');
  if (missing.length) throw new Error(`letters.write(${kind}): no value for ${missing.join(', ')}`);
  return kind;
}

// The letter's words: the council's template filled with the caller's values and what the
// council, the complaint and the sender say. All read in the caller's transaction.
async function wordsOf(trx: Kysely<Database>, input: LetterInput, kind: LetterKind) {
  const { councilId, complaintId } = input;
  const complaint = complaintId ? await complaintFacts().about(trx, councilId, complaintId) : null;
  if (complaintId && !complaint) throw new NotFound('No such complaint');
  const council = await councilName(trx, councilId);
  const values: Record<string, string> = {
    ...input.values,
    name: input.recipient.name,
    date: dayMonthYear(londonDate(input.at)),
    council,
    sender: await sender(trx, councilId, input.sentBy),
    ombudsman: ombudsmanDetails(input.housing ?? complaint?.housing ?? false),
    reference: complaint?.reference ?? '',
    service: complaint?.serviceName || 'the council',
  };
  const filled = fillCouncilTemplate(kind, await template(trx, councilId, kind), values);
  // What a change to the letter must keep as written: those of the kind's facts it gives.
  const kept = Object.fromEntries(
    keptAsWritten(kind).flatMap((name) => {
      const text = values[name]?.trim() ?? '';
      return text && filled.filled.body.includes(text) ? [[name, text]] : [];
    }),
  );
  return { ...filled, kept, council, reference: complaint?.reference ?? null };
}

/** Writes a letter from the council's template inside the caller's transaction. One a person
 * signed in wrote is kept as a draft for them to check, change and send (drafts/service.ts); one
 * no one signed in wrote (the complainant online, scheduled work) is sent at once: stored as sent
 * and put in the outbox, with its PDF, when there is an email address. */
export async function write(
  deps: ModuleDeps,
  trx: Kysely<Database>,
  input: LetterInput,
): Promise<{ id: string; state: LetterState }> {
  const kind = checkInput(input);
  const { councilId, at } = input;
  const { filled, kept, fellBack, council, reference } = await wordsOf(trx, input, kind);
  const email = input.recipient.email.trim();
  const writer = input.sentBy?.personId ?? null;
  const stored: repo.StoredLetter = {
    id: uuidv7(at.getTime()),
    councilId,
    complaintId: input.complaintId,
    customerId: input.customerId,
    kind,
    recipientName: input.recipient.name,
    recipientEmail: email,
    recipientAddress: input.recipient.address,
    subject: filled.subject,
    body: filled.body,
    emailed: email !== '',
    state: writer ? 'draft' : 'sent',
    version: 1,
    writtenBy: writer,
    writtenAt: at,
    editedBy: null,
    editedAt: null,
    submittedBy: null,
    submittedAt: null,
    approvedBy: null,
    returnedBy: null,
    returnReason: '',
    kept,
    sentBy: null,
    sentAt: writer ? null : at,
  };
  await repo.insertLetter(trx, stored);
  const actor = input.sentBy ?? { councilId, personId: null, label: 'Probity (automatic letter)' };
  await auditWritten(trx, actor, input, stored, fellBack);
  if (!writer) await dispatch(deps, trx, stored, { council, complaintReference: reference, at, actor });
  return { id: stored.id, state: stored.state };
}

/** A letter just sent, in its sending's transaction: its email, with the PDF, in the outbox when
 * it has an email address, and the complaint it is about told, so that an acknowledgement or
 * response counts from the day the person was sent it. */
export async function dispatch(
  { outbox }: Pick<ModuleDeps, 'outbox'>,
  trx: Kysely<Database>,
  letter: repo.StoredLetter,
  known: { council: string; complaintReference: string | null; at: Date; actor: Actor },
) {
  if (letter.complaintId)
    await complaintFacts().letterSent(trx, known.actor, {
      councilId: letter.councilId,
      complaintId: letter.complaintId,
      kind: letter.kind,
      at: known.at,
    });
  if (!letter.emailed) return;
  const sent = shownLetter(letter, { complaintReference: known.complaintReference, now: known.at });
  await outbox.enqueue(trx, letter.councilId, {
    to: letter.recipientEmail,
    subject: sent.subject,
    text: sent.body,
    attachments: [
      {
        filename: letterFileName(sent),
        contentType: 'application/pdf',
        content: await letterPdf(sent, known.council),
      },
    ],
  });
}

function auditWritten(
  trx: Kysely<Database>,
  actor: Actor,
  input: LetterInput,
  letter: repo.StoredLetter,
  fellBack: boolean,
) {
  return appendAudit(
    trx,
    actor,
    {
      action: letter.state === 'sent' ? 'letter.sent' : 'letter.written',
      recordType: 'letter',
      recordId: letter.id,
      after: {
        kind: letter.kind,
        state: letter.state,
        ...(fellBack
          ? { defaultWordingUsed: 'the council’s template uses placeholders this letter no longer has' }
          : {}),
        complaintId: input.complaintId,
        customerId: input.customerId,
        subject: letter.subject,
        emailed: letter.emailed,
      },
    },
    input.at,
  );
}
