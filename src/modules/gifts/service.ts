import type { ModuleDeps } from '../organisation/service.ts';
import { giftOffers } from './offers/service.ts';
import { giftPublication } from './publication/service.ts';
import { giftRegister } from './register/service.ts';
import { committeeSummary } from './reviews/committee.ts';
import { giftReviews } from './reviews/service.ts';
import { giftTasks } from './tasks.ts';

// The demo council's year in the register, for `npm start`.
export { demoGiftsYear } from './demo/seed.ts';
// The offers a leaver was to approve, for the organisation's leavers page (app.ts hands it over).
export { giftApprovals } from './offers/leavers.ts';
export type { GiftReviewsCommitteeSummary } from './reviews/committee.ts';
export { giftRegisterReviews } from './reviews/leavers.ts';

// The gifts and hospitality register: recording offers and approving them, the register and its
// export, the quarterly reviews, and the published register. This is the module's public face.

export type GiftsModule = ReturnType<typeof giftsModule>;

export function giftsModule(deps: ModuleDeps) {
  return {
    offers: giftOffers(deps),
    register: giftRegister(deps),
    reviews: giftReviews(deps),
    publication: giftPublication(deps),
    // What is waiting for a person: approvals and review sign-offs, for their home page.
    tasksFor: giftTasks(deps),
    // Register review assurance for a committee pack: the reviews of periods ended in a period.
    committeeSummary: (councilId: string, period: { from: string; to: string }) =>
      committeeSummary(deps, councilId, period),
  };
}

// Its records' retention: when their personal data is removed (privacy's daily job).
export { giftRetention } from './privacy/retention.ts';
// A staff member's gifts and hospitality, for a subject access request.
export { giftsSubjectAccess } from './privacy/subject-access.ts';
