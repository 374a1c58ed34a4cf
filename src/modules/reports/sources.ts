// What a committee pack is assembled from: each module's committee figures, read through its
// service.ts. Raising concerns and councillor conduct are modules that use this one's neighbours;
// their figures come in through ports app.ts fills, and a pack says a section is not available
// while a port is empty.
import type { ComplaintsCommitteeSummary } from '../complaints/service.ts';
import type { GiftReviewsCommitteeSummary } from '../gifts/service.ts';
import type { DeclarationsCommitteeSummary } from '../interests/service.ts';
import type { IncidentsCommitteeSummary } from '../visits/service.ts';

export type PackPeriod = { from: string; to: string };
type Labelled = { code: string; label: string; count: number };

/** The raising-concerns module's answer (counts only; the pack suppresses small numbers). */
export type ConcernsCommitteeSummary = {
  received: number;
  byCategory: Labelled[];
  byOutcome: Labelled[];
  acknowledgedInTime: number;
  feedbackInTime: number;
  open: number;
};

/** The councillor conduct module's answer: the bi-annual report's figures. */
export type ConductCommitteeSummary = {
  referrals: number;
  valid: number;
  notValid: number;
  byDecision: Labelled[];
  themes: Labelled[];
  hearings: number;
  sanctions: number;
  open: number;
};

type Summary<T> = (councilId: string, period: PackPeriod) => Promise<T>;

export type CommitteeSources = {
  complaints: Summary<ComplaintsCommitteeSummary>;
  declarations: Summary<DeclarationsCommitteeSummary>;
  giftReviews: Summary<GiftReviewsCommitteeSummary>;
  incidents: Summary<IncidentsCommitteeSummary>;
  concerns: { committeeSummary: Summary<ConcernsCommitteeSummary> };
  conduct: { committeeSummary: Summary<ConductCommitteeSummary> };
};

export type {
  ComplaintsCommitteeSummary,
  DeclarationsCommitteeSummary,
  GiftReviewsCommitteeSummary,
  IncidentsCommitteeSummary,
};
