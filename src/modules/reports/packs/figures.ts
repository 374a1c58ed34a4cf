// A pack's figures, gathered from each module for the committee's sections and kept as they were
// when assembled. The raising-concerns figures are suppressed before they are kept, so that no
// small count is ever stored in a pack.
import type {
  CommitteeSources,
  ComplaintsCommitteeSummary,
  ConcernsCommitteeSummary,
  ConductCommitteeSummary,
  DeclarationsCommitteeSummary,
  GiftReviewsCommitteeSummary,
  IncidentsCommitteeSummary,
  PackPeriod,
} from '../sources.ts';
import {
  type Committee,
  type ShownCell,
  type ShownCount,
  sectionsOf,
  suppressCount,
  suppressPart,
  suppressTable,
} from './rules.ts';

export type ConcernsFigures = {
  minimum: number;
  received: ShownCount;
  byCategory: ShownCell[];
  byOutcome: ShownCell[];
  outcomes: ShownCount;
  acknowledgedInTime: ShownCount;
  feedbackInTime: ShownCount;
  open: ShownCount;
};

export type PackFigures = {
  committee: Committee;
  period: PackPeriod;
  councilName: string;
  complaints?: ComplaintsCommitteeSummary;
  declarations?: DeclarationsCommitteeSummary;
  giftReviews?: GiftReviewsCommitteeSummary;
  incidents?: IncidentsCommitteeSummary;
  // null: the council's Probity does not have the module yet.
  concerns?: ConcernsFigures;
  conduct?: ConductCommitteeSummary;
};

/** What a committee may be told of raising concerns: every count checked against the minimum. */
export function suppressedConcerns(summary: ConcernsCommitteeSummary, minimum: number): ConcernsFigures {
  const categories = suppressTable(summary.byCategory, minimum);
  const outcomes = suppressTable(summary.byOutcome, minimum);
  const categorised = summary.byCategory.reduce((sum, cell) => sum + cell.count, 0);
  return {
    minimum,
    received: categorised === summary.received ? categories.total : suppressCount(summary.received, minimum),
    byCategory: categories.cells,
    byOutcome: outcomes.cells,
    outcomes: outcomes.total,
    acknowledgedInTime: suppressPart(summary.acknowledgedInTime, summary.received, minimum),
    feedbackInTime: suppressPart(summary.feedbackInTime, summary.received, minimum),
    open: suppressCount(summary.open, minimum),
  };
}

/** The figures of the committee's sections for the period, each from its module. */
export async function gatherFigures(
  sources: CommitteeSources,
  pack: { councilId: string; councilName: string; committee: Committee; period: PackPeriod; minimum: number },
): Promise<PackFigures> {
  const { councilId, period } = pack;
  const wanted = new Set(sectionsOf[pack.committee]);
  const when = <T>(section: Parameters<typeof wanted.has>[0], read: () => Promise<T>) =>
    wanted.has(section) ? read() : Promise.resolve(undefined);
  const [complaints, declarations, giftReviews, incidents, concerns, conduct] = await Promise.all([
    when('complaints', () => sources.complaints(councilId, period)),
    when('declarations', () => sources.declarations(councilId, period)),
    when('gift-reviews', () => sources.giftReviews(councilId, period)),
    when('incidents', () => sources.incidents(councilId, period)),
    when('concerns', async () =>
      suppressedConcerns(await sources.concerns.committeeSummary(councilId, period), pack.minimum),
    ),
    when('conduct', () => sources.conduct.committeeSummary(councilId, period)),
  ]);
  return {
    committee: pack.committee,
    period,
    councilName: pack.councilName,
    ...(complaints ? { complaints } : {}),
    ...(declarations ? { declarations } : {}),
    ...(giftReviews ? { giftReviews } : {}),
    ...(incidents ? { incidents } : {}),
    ...(concerns ? { concerns } : {}),
    ...(conduct ? { conduct } : {}),
  };
}
