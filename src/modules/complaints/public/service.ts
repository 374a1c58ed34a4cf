// What a member of the public sees of their complaint, given its reference and their email
// address: where it has got to, its dates, the letters sent, and asking for stage 2.
import { type Actor, recordAccess } from '../../../platform/audit/audit-trail.ts';
import { NotFound } from '../../../platform/errors.ts';
import type { ComplaintLetters } from '../../letters/service.ts';
import type { ModuleDeps } from '../../organisation/service.ts';
import type { Casework } from '../casework/service.ts';
import { mayEscalateOnline, normaliseReference, publicStatus } from '../intake/rules.ts';
import * as repo from './repository.ts';

type ProgressDeps = Pick<ModuleDeps, 'db' | 'clock'> & { casework: Casework; letters: ComplaintLetters };

const complainant = (councilId: string, requestId?: string): Actor => ({
  councilId,
  personId: null,
  label: 'Complainant (progress page)',
  requestId,
});

// The same answer, null, whether the reference or the email address is wrong.
export async function findForProgress(
  deps: ProgressDeps,
  councilId: string,
  reference: string,
  email: string,
) {
  const typedEmail = email.trim().toLowerCase();
  if (!typedEmail) return null;
  return repo.complaintIdByReferenceAndEmail(deps.db, councilId, normaliseReference(reference), typedEmail);
}

export async function progress(
  deps: ProgressDeps,
  councilId: string,
  complaintId: string,
  requestId?: string,
) {
  const { db, letters } = deps;
  const complaint = await repo.complaintProgress(db, councilId, complaintId);
  if (!complaint) throw new NotFound('No such complaint');
  const [stages, sent] = await Promise.all([
    repo.stageDates(db, councilId, complaintId),
    letters.forComplaint(councilId, complaintId),
  ]);
  await recordAccess(
    db,
    complainant(councilId, requestId),
    { action: 'complaint.progress-viewed', recordType: 'complaint', recordId: complaintId },
    deps.clock.now(),
  );
  return {
    ...complaint,
    statusText: publicStatus(complaint.status, complaint.regime),
    singleStage: complaint.regime === 'single-stage',
    // A duplicate merged into another complaint has no dates of its own: the other's apply.
    stages: complaint.status === 'merged' ? [] : stages,
    letters: sent.map((letter) => ({ id: letter.id, subject: letter.subject, sentAt: letter.sentAt })),
    mayEscalate: mayEscalateOnline(complaint.status, complaint.regime),
  };
}

// A person sees only the letters about the complaint they were let see.
export async function progressLetter(
  deps: ProgressDeps,
  councilId: string,
  complaintId: string,
  letterId: string,
) {
  const sent = await deps.letters.forComplaint(councilId, complaintId);
  return sent.find((letter) => letter.id === letterId) ?? null;
}

export async function progressLetterPdf(
  deps: ProgressDeps,
  councilId: string,
  complaintId: string,
  letterId: string,
) {
  const letter = await progressLetter(deps, councilId, complaintId, letterId);
  return letter ? deps.letters.pdfOf(letter) : null;
}

export function progressService(deps: ProgressDeps) {
  return {
    findForProgress: (councilId: string, reference: string, email: string) =>
      findForProgress(deps, councilId, reference, email),
    progress: (councilId: string, complaintId: string, requestId?: string) =>
      progress(deps, councilId, complaintId, requestId),
    progressLetter: (councilId: string, complaintId: string, letterId: string) =>
      progressLetter(deps, councilId, complaintId, letterId),
    progressLetterPdf: (councilId: string, complaintId: string, letterId: string) =>
      progressLetterPdf(deps, councilId, complaintId, letterId),
    // The complainant asks for stage 2 online, with or without a reason.
    escalateOnline: (councilId: string, complaintId: string, reason: string) =>
      deps.casework.escalate(councilId, complaintId, null, reason),
  };
}
