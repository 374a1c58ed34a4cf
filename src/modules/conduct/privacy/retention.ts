import { sql } from 'kysely';
import { pendingFrom, type RetentionRule } from '../../../platform/privacy/retention-rule.ts';
import { removedText } from '../../../platform/retention.ts';

const removed = 'Removed';
const closedOn = sql<string>`((closed_at at time zone 'Europe/London')::date)::text`;

// A complaint about a councillor's conduct is kept for conductRetentionYears after it was closed
// (DOMAIN.md records and privacy), then who made it, what they said, the reasons and reports and
// the letters' wording are removed. The councillor, the decisions and the dates stay, for the
// standards committee's figures and the councillor's record.
export const conductRetention: RetentionRule = {
  key: 'conduct-complaint',
  recordType: 'conduct-complaint',
  name: 'Councillor conduct complaints',
  setting: 'conductRetentionYears',
  unit: 'years',
  basis: 'after the complaint was closed',
  pending: (db, councilId, cutoff) =>
    pendingFrom(
      db,
      sql`select ${closedOn} as basis from conduct_complaint
        where council_id = ${councilId} and anonymised_at is null and closed_at is not null`,
      cutoff,
    ),
  pick: (trx, councilId, cutoff, limit) =>
    trx
      .selectFrom('conduct_complaint')
      .select(['id', 'reference', closedOn.as('basis')])
      .where('council_id', '=', councilId)
      .where('anonymised_at', 'is', null)
      .where(sql<boolean>`(closed_at at time zone 'Europe/London')::date <= ${cutoff}::date`)
      .orderBy('closed_at')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute(),
  blank: async (trx, councilId, ids, at) => {
    await trx
      .updateTable('conduct_complaint')
      .set({
        complainant_name: removedText,
        complainant_email: removed,
        complainant_address: '',
        what_happened: removedText,
        assessment_reasons: '',
        independent_person_view: '',
        decision_reasons: '',
        investigation_report: '',
        hearing_reasons: '',
        anonymised_at: at,
      })
      .where('council_id', '=', councilId)
      .where('id', 'in', ids)
      .execute();
    await trx
      .updateTable('conduct_letter')
      .set({ recipient_name: removedText, recipient_email: removed, body: removedText })
      .where('council_id', '=', councilId)
      .where('complaint_id', 'in', ids)
      .execute();
  },
};
