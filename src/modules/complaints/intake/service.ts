// Taking complaints in: the public form's drafts and sending, complaints logged by staff, and the
// files sent with them. Each use case is its own function; the service object wires them.
import { actorFor, recordAccess } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { isUuid } from '../../../platform/auth/secrets.ts';
import { NotFound } from '../../../platform/errors.ts';
import type { CustomersService } from '../../customers/service.ts';
import type { ComplaintLetters } from '../../letters/service.ts';
import type { ModuleDeps } from '../../organisation/service.ts';
import type { Casework } from '../casework/service.ts';
import { can } from '../policy.ts';
import { progressService } from '../public/service.ts';
import {
  draftAuthority,
  readDraft,
  removeAbandonedDrafts,
  saveDraft,
  saveDraftAuthority,
  startDraft,
} from './drafts.ts';
import { addDraftEvidence, draftEvidence, removeDraftEvidence } from './evidence.ts';
import type { Answers } from './input.ts';
import * as repo from './repository.ts';
import { confirmation, type LoggedComplaint, logComplaint, submitOnline } from './submission.ts';
import type { CheckedUpload } from './uploads.ts';

type Collaborators = { customers: CustomersService; casework: Casework; letters: ComplaintLetters };
export type IntakeDeps = ModuleDeps & Collaborators;
export type Intake = ReturnType<typeof intakeService>;
export type PublicCouncil = { councilId: string; name: string; slug: string };

// The council whose public pages these are, by the slug in their address.
export async function publicCouncil(
  deps: Pick<ModuleDeps, 'organisation'>,
  slug: string,
): Promise<PublicCouncil> {
  const council = /^[a-z0-9-]{1,60}$/.test(slug) ? await deps.organisation.councilBySlug(slug) : undefined;
  if (!council) throw new NotFound('No such council');
  return { councilId: council.council_id, name: council.name, slug };
}

// The customer staff chose to log a complaint from, with any warning about their contact
// (003 vexatious procedure §6: shown, but the complaint is still taken on its merits).
export async function customerForLog(deps: IntakeDeps, councilId: string, customerId: string) {
  const found = await deps.customers.liveCustomer(councilId, customerId);
  if (!found) return null;
  const { id, name, email, phone, address } = found;
  return {
    customer: { id, name, email, phone, address },
    warning: await deps.customers.contactWarning(councilId, customerId, null),
  };
}

// A file sent with a complaint (a representative's written authority, the resident's evidence),
// for the complaints team; reading it is audited, as it is personal data.
export async function complaintDocument(
  deps: IntakeDeps,
  principal: Principal,
  reference: string,
  documentId: string,
  requestId?: string,
) {
  if (!isUuid(documentId)) return null;
  const found = await repo.complaintDocument(deps.db, principal.councilId, reference, documentId);
  if (!found?.content || !can(principal, 'work-case', { anonymised: found.anonymised })) return null;
  await recordAccess(
    deps.db,
    actorFor(principal, requestId),
    {
      action: 'complaint.document-viewed',
      recordType: 'complaint',
      recordId: found.complaintId,
      after: { documentId },
    },
    deps.clock.now(),
  );
  return { fileName: found.fileName, contentType: found.contentType, content: found.content };
}

export function intakeService(moduleDeps: ModuleDeps, collaborators: Collaborators) {
  const deps: IntakeDeps = { ...moduleDeps, ...collaborators };
  const { organisation } = deps;
  return {
    drafts: {
      start: (council: PublicCouncil, answers: Answers) => startDraft(deps, council, answers),
      read: (councilId: string, id: string) => readDraft(deps, councilId, id),
      save: (councilId: string, id: string, answers: Answers) => saveDraft(deps, councilId, id, answers),
      authority: (councilId: string, draftId: string) => draftAuthority(deps, councilId, draftId),
      saveAuthority: (council: PublicCouncil, draftId: string, file: CheckedUpload) =>
        saveDraftAuthority(deps, council, draftId, file),
      evidence: (councilId: string, draftId: string) => draftEvidence(deps, councilId, draftId),
      addEvidence: (council: PublicCouncil, draftId: string, file: CheckedUpload) =>
        addDraftEvidence(deps, council, draftId, file),
      removeEvidence: (councilId: string, draftId: string, fileId: string) =>
        removeDraftEvidence(deps, councilId, draftId, fileId),
    },
    council: (slug: string) => publicCouncil(deps, slug),
    services: (councilId: string) => organisation.services(councilId),
    policy: (councilId: string) => organisation.policy(councilId),
    submitOnline: (council: PublicCouncil, draftId: string, requestId: string) =>
      submitOnline(deps, council, draftId, requestId),
    logComplaint: (principal: Principal, input: LoggedComplaint, requestId: string) =>
      logComplaint(deps, principal, input, requestId),
    confirmation: (councilId: string, complaintId: string) => confirmation(deps, councilId, complaintId),
    removeAbandonedDrafts: () => removeAbandonedDrafts(deps),
    customerForLog: (councilId: string, customerId: string) => customerForLog(deps, councilId, customerId),
    searchCustomers: (councilId: string, text: string) => deps.customers.search(councilId, text),
    document: (principal: Principal, reference: string, documentId: string, requestId?: string) =>
      complaintDocument(deps, principal, reference, documentId, requestId),
    // The public's progress pages (public/service.ts), served with the intake they follow on from.
    ...progressService(deps),
  };
}
