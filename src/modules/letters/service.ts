import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import type { Database } from '../../platform/db/schema.ts';
import { removedText } from '../../platform/retention.ts';
import type { ModuleDeps } from '../organisation/service.ts';
import * as drafts from './drafts/service.ts';
import { letterTasks } from './drafts/tasks.ts';
import * as reading from './reading.ts';
import * as repo from './repository.ts';
import { type LetterInput, write } from './sending.ts';
import { type LetterKind, type LetterTemplate, letterKinds } from './templates/kinds.ts';
import * as templates from './templates/service.ts';

// The letters module's public face: the letters the council sends (to complainants, and to
// customers about their behaviour), written from its templates, checked before they go (drafts
// an officer reads, changes and sends, and a second person approves where the council says),
// stored as sent and never changed, emailed with their PDF; the templates' wording. Other
// modules import only this file.

export type { ComplaintFacts } from './complaint-facts.ts';
export { knowComplaintsBy } from './complaint-facts.ts';
export type { CustomerLetterKind, CustomerLetters, LetterRequest, LetterWriter } from './contract.ts';
// How an API action that wrote a letter answers it: a draft to check at its page.
export { draftLetter, draftLetterView } from './draft-view.ts';
export { type LetterState, stateNames } from './drafts/rules.ts';
// A letter laid out as the council prints it, for other modules' letters: the same PDF.
export { letterPdf, type PrintedLetter } from './pdf.ts';
export { type Letter, letterFileName } from './reading.ts';
export type { LetterInput } from './sending.ts';
export {
  behaviourKinds,
  isLetterKind,
  kindNames,
  type LetterKind,
  type LetterTemplate,
  letterKinds,
} from './templates/kinds.ts';
export { defaultTemplate, outcomeWords, reviewDecisionWords } from './templates/wording.ts';

export type ComplaintLetters = ReturnType<typeof complaintLetters>;

export function complaintLetters(deps: ModuleDeps) {
  return {
    kinds: letterKinds,
    write: (trx: Kysely<Database>, input: LetterInput) => write(deps, trx, input),
    letter: (councilId: string, id: string) => reading.letter(deps, councilId, id),
    letterFor: (principal: Principal, id: string, requestId?: string) =>
      reading.letterFor(deps, principal, id, requestId),
    // What the person was sent; with `'all'`, the letters not sent yet too (for the case's pages).
    forComplaint: (councilId: string, complaintId: string, which: 'sent' | 'all' = 'sent') =>
      reading.lettersAbout(deps, councilId, { complaintId }, which),
    forCustomer: (councilId: string, customerId: string, which: 'sent' | 'all' = 'sent') =>
      reading.lettersAbout(deps, councilId, { customerId }, which),
    // Checking a letter before it goes (drafts/).
    letterPage: (principal: Principal, id: string, requestId?: string) =>
      drafts.letterPage(deps, principal, id, requestId),
    edit: (
      principal: Principal,
      id: string,
      form: { version: number; subject: string; body: string },
      requestId?: string,
    ) => drafts.editLetter(deps, principal, id, form, requestId),
    send: (principal: Principal, id: string, version: number, requestId?: string) =>
      drafts.plainMove(deps, 'send', principal, { id, version }, requestId),
    submit: (principal: Principal, id: string, version: number, requestId?: string) =>
      drafts.plainMove(deps, 'submit', principal, { id, version }, requestId),
    approve: (principal: Principal, id: string, version: number, requestId?: string) =>
      drafts.plainMove(deps, 'approve', principal, { id, version }, requestId),
    returnLetter: (
      principal: Principal,
      id: string,
      form: { version: number; reason: string },
      requestId?: string,
    ) => drafts.returnLetter(deps, principal, id, form, requestId),
    waiting: (principal: Principal) => drafts.lettersWaiting(deps, principal),
    tasksFor: (principal: Principal) => letterTasks(deps, principal),
    async pdf(councilId: string, letterId: string): Promise<Buffer | null> {
      const found = await reading.letter(deps, councilId, letterId);
      return found ? reading.pdfOf(deps, found) : null;
    },
    pdfOf: (letter: reading.Letter) => reading.pdfOf(deps, letter),
    template: (councilId: string, kind: LetterKind) => templates.template(deps.db, councilId, kind),
    templates: (councilId: string) => templates.templates(deps, councilId),
    preview: (councilId: string, kind: LetterKind, edited: LetterTemplate, housing = false) =>
      templates.preview(deps, councilId, kind, edited, housing),
    saveTemplate: (actor: Actor, kind: LetterKind, edited: LetterTemplate) =>
      templates.saveTemplate(deps, actor, kind, edited),
    resetTemplate: (actor: Actor, kind: LetterKind) => templates.resetTemplate(deps, actor, kind),
  };
}

// Retention: the letters about an anonymised complaint or customer keep their kind and dates; who
// they went to and what they said go. In the caller's transaction.
export function anonymiseLetters(
  trx: Kysely<Database>,
  councilId: string,
  about: 'complaint_id' | 'customer_id',
  id: string,
) {
  return repo.anonymiseLetters(trx, councilId, about, id, removedText);
}

// For reports: which of these complaints have had a letter of the kind (a refusal, say), read
// through `q`, the caller's transaction when there is one.
export const complaintsWithLetter = repo.complaintsWithLetter;

// The letters sent to a customer, for a subject access request.
export { lettersSubjectAccess } from './privacy/subject-access.ts';
