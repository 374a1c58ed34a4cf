import type { Kysely } from 'kysely';
import { isIsoDate } from '../../../platform/calendar/working-days.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { InvalidInput } from '../../../platform/errors.ts';
import { decisions, themes } from '../casework/rules.ts';

export type CommitteeSummary = {
  referrals: number;
  valid: number;
  notValid: number;
  byDecision: { code: string; label: string; count: number }[];
  themes: { code: string; label: string; count: number }[];
  hearings: number;
  sanctions: number;
  open: number;
};

const closedStates = ['closed', 'not-valid'];

/** The figures the monitoring officer's bi-annual report gives the standards committee (003
 * standards minute 18: referrals, how many were valid, what was decided, the themes, such as
 * social media), for complaints received in the period (ISO dates, both inclusive). No names. */
export async function committeeSummary(
  db: Kysely<Database>,
  councilId: string,
  period: { from: string; to: string },
): Promise<CommitteeSummary> {
  if (!isIsoDate(period.from) || !isIsoDate(period.to) || period.from > period.to)
    throw new InvalidInput([
      { key: 'period', message: 'The period must be two dates, the first on or before the second' },
    ]);
  const rows = await db
    .selectFrom('conduct_complaint as c')
    .select(['c.state', 'c.valid', 'c.decision', 'c.theme', 'c.hearing_outcome'])
    .select((eb) =>
      eb
        .selectFrom('conduct_sanction as s')
        .select((s) => s.fn.countAll<number>().as('n'))
        .whereRef('s.council_id', '=', 'c.council_id')
        .whereRef('s.complaint_id', '=', 'c.id')
        .as('sanctions'),
    )
    .where('c.council_id', '=', councilId)
    .where('c.received_on', '>=', period.from)
    .where('c.received_on', '<=', period.to)
    .execute();
  const count = (test: (row: (typeof rows)[number]) => boolean) => rows.filter(test).length;
  return {
    referrals: rows.length,
    valid: count((row) => row.valid === true),
    notValid: count((row) => row.valid === false),
    byDecision: decisions.map(({ code, label }) => ({
      code,
      label,
      count: count((row) => row.decision === code),
    })),
    themes: themes.map(({ code, label }) => ({ code, label, count: count((row) => row.theme === code) })),
    hearings: count((row) => row.hearing_outcome !== null),
    sanctions: rows.reduce((sum, row) => sum + Number(row.sanctions ?? 0), 0),
    open: count((row) => !closedStates.includes(row.state)),
  };
}
