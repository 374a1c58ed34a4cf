// What a member of the public sees of their complaint, given its reference and their email
// address: where it has got to, its dates, the letters sent, and asking for stage 2.
import { sql } from 'kysely';
import { type Actor, recordAccess } from '../../platform/audit/audit-trail.ts';
import { NotFound } from '../../platform/errors.ts';
import type { ModuleDeps } from '../organisation/module-deps.ts';
import type { Casework } from './casework.ts';
import { mayEscalateOnline, normaliseReference, publicStatus } from './intake-rules.ts';
import type { ComplaintLetters } from './letters.ts';

const complainant = (councilId: string, requestId?: string): Actor => ({
  councilId,
  personId: null,
  label: 'Complainant (progress page)',
  requestId,
});

export function progressService(
  deps: ModuleDeps,
  collaborators: { casework: Casework; letters: ComplaintLetters },
) {
  const { db, clock } = deps;
  const { letters, casework } = collaborators;

  // A person sees only the letters about the complaint they were let see.
  async function letterOf(councilId: string, complaintId: string, letterId: string) {
    const sent = await letters.forComplaint(councilId, complaintId);
    return sent.find((letter) => letter.id === letterId) ?? null;
  }

  return {
    // The same answer, null, whether the reference or the email address is wrong.
    async findForProgress(councilId: string, reference: string, email: string): Promise<string | null> {
      const typedEmail = email.trim().toLowerCase();
      if (!typedEmail) return null;
      const row = await db
        .selectFrom('complaint')
        .select('id')
        .where('council_id', '=', councilId)
        .where('reference', '=', normaliseReference(reference))
        .where(sql<string>`lower(contact_email)`, '=', typedEmail)
        .where('anonymised_at', 'is', null)
        .executeTakeFirst();
      return row?.id ?? null;
    },

    async progress(councilId: string, complaintId: string, requestId?: string) {
      const complaint = await db
        .selectFrom('complaint')
        .select([
          'id',
          'reference',
          'status',
          'regime',
          'stage',
          'received_on as receivedOn',
          'service_name as serviceName',
        ])
        .where('council_id', '=', councilId)
        .where('id', '=', complaintId)
        .where('anonymised_at', 'is', null)
        .executeTakeFirst();
      if (!complaint) throw new NotFound('No such complaint');
      const [stages, sent] = await Promise.all([
        db
          .selectFrom('complaint_stage')
          .select([
            'stage',
            'started_on as startedOn',
            'acknowledge_by as acknowledgeBy',
            'acknowledged_on as acknowledgedOn',
            'respond_by as respondBy',
            'extended_to as extendedTo',
            'responded_on as respondedOn',
          ])
          .where('council_id', '=', councilId)
          .where('complaint_id', '=', complaintId)
          .orderBy('stage')
          .execute(),
        letters.forComplaint(councilId, complaintId),
      ]);
      await recordAccess(
        db,
        complainant(councilId, requestId),
        { action: 'complaint.progress-viewed', recordType: 'complaint', recordId: complaintId },
        clock.now(),
      );
      return {
        ...complaint,
        statusText: publicStatus(complaint.status, complaint.regime),
        singleStage: complaint.regime === 'single-stage',
        stages,
        letters: sent.map((letter) => ({ id: letter.id, subject: letter.subject, sentAt: letter.sentAt })),
        mayEscalate: mayEscalateOnline(complaint.status, complaint.regime),
      };
    },

    progressLetter: letterOf,

    async progressLetterPdf(councilId: string, complaintId: string, letterId: string) {
      const letter = await letterOf(councilId, complaintId, letterId);
      return letter ? letters.pdfOf(letter) : null;
    },

    // The complainant asks for stage 2 online, with or without a reason.
    escalateOnline: (councilId: string, complaintId: string, reason: string) =>
      casework.escalate(councilId, complaintId, null, reason),
  };
}
