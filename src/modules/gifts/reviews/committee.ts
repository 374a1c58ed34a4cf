import { londonDate } from '../../../platform/calendar/daylight.ts';
import type { ModuleDeps } from '../../organisation/service.ts';
import { reviewStatuses } from './status.ts';

// Register review assurance for a committee pack (001 §73, 002 Monitoring): each register's
// quarterly review whose period ended within the pack's period, whether its head of service (or
// director) signed it off, and whether by the date it was due. Covers the periods the review
// dashboard shows (the last four ended).
export type GiftReviewsCommitteeSummary = {
  reviews: {
    register: string;
    period: string;
    entries: number;
    status: 'signed-off' | 'overdue' | 'due';
    signedOn: string | null;
    onTime: boolean;
  }[];
  signedOff: number;
  signedOffOnTime: number;
  outstanding: number;
};

export async function committeeSummary(
  deps: ModuleDeps,
  councilId: string,
  period: { from: string; to: string },
): Promise<GiftReviewsCommitteeSummary> {
  const cells = (await reviewStatuses(deps, councilId)).filter(
    (cell) => cell.period.end >= period.from && cell.period.end <= period.to,
  );
  const reviews = cells
    .map((cell) => {
      const signedOn = cell.signed ? londonDate(cell.signed.signedAt) : null;
      return {
        register: cell.register.name,
        period: cell.period.label,
        entries: cell.entries,
        status: cell.status,
        signedOn,
        onTime: signedOn !== null && signedOn <= cell.due,
      };
    })
    .sort((a, b) => a.register.localeCompare(b.register) || a.period.localeCompare(b.period));
  const signed = reviews.filter((review) => review.status === 'signed-off');
  return {
    reviews,
    signedOff: signed.length,
    signedOffOnTime: signed.filter((review) => review.onTime).length,
    outstanding: reviews.length - signed.length,
  };
}
