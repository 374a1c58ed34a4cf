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
import { letterPdf } from './pdf.ts';
import { letterFileName, shownLetter } from './reading.ts';
import * as repo from './repository.ts';
import {
  callerValues,
  isLetterKind,
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
  const values = {
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
  return { ...filled, council, reference: complaint?.reference ?? null };
}

/** Writes a letter from the council's template inside the caller's transaction, and puts it in
 * the outbox, with its PDF, when there is an email address. */
export async function write(
  { outbox }: ModuleDeps,
  trx: Kysely<Database>,
  input: LetterInput,
): Promise<{ id: string }> {
  const kind = checkInput(input);
  const { councilId, at } = input;
  const { filled, fellBack, council, reference } = await wordsOf(trx, input, kind);
  const email = input.recipient.email.trim();
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
    sentBy: input.sentBy?.personId ?? null,
    sentAt: at,
  };
  await repo.insertLetter(trx, stored);
  await auditSent(trx, input, stored, fellBack);
  if (email) {
    const sent = shownLetter(stored, {
      complaintReference: reference,
      sentByName: input.sentBy?.personId ? input.sentBy.label : null,
    });
    await outbox.enqueue(trx, councilId, {
      to: email,
      subject: sent.subject,
      text: sent.body,
      attachments: [
        {
          filename: letterFileName(sent),
          contentType: 'application/pdf',
          content: await letterPdf(sent, council),
        },
      ],
    });
  }
  return { id: stored.id };
}

function auditSent(trx: Kysely<Database>, input: LetterInput, letter: repo.StoredLetter, fellBack: boolean) {
  const actor = input.sentBy ?? {
    councilId: input.councilId,
    personId: null,
    label: 'Probity (automatic letter)',
  };
  return appendAudit(
    trx,
    actor,
    {
      action: 'letter.sent',
      recordType: 'letter',
      recordId: letter.id,
      after: {
        kind: letter.kind,
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
