import type { ModuleDeps, OrganisationService } from '../organisation/service.ts';
import { committeeSummary } from './campaigns/committee.ts';
import { campaignsService } from './campaigns/service.ts';
import { declarationsService } from './declarations/service.ts';
import { conflictLookup } from './lookup/service.ts';
import { interestPublication } from './publication/service.ts';
import { registerService } from './register/service.ts';
import { relatedPartyReturns } from './returns/service.ts';
import { interestTasks } from './tasks.ts';

// The register of interests, as the rest of the application sees it: its services, built from
// the same dependencies, and what other modules use of it.

export type { DeclarationsCommitteeSummary } from './campaigns/committee.ts';
// The declarations a leaver was to review, for the organisation's leavers page.
export { declarationReviews } from './declarations/leavers.ts';
// The demo council's year in the register, for `npm start`.
export { demoInterestsYear } from './demo/seed.ts';
export type { PersonalLink, PersonalLinkQuery } from './lookup/personal-links.ts';
export { companyNumberKey, nameKey } from './names.ts';

export type InterestsServices = ReturnType<typeof interestsServices>;

// What the register reads of the organisation besides what every module does.
export type InterestsDeps = ModuleDeps & {
  organisation: Pick<OrganisationService, 'peopleWithIds' | 'peopleWithAnyRole'>;
};

export function interestsServices(deps: InterestsDeps) {
  return {
    declarations: declarationsService(deps),
    register: registerService(deps),
    campaigns: campaignsService(deps),
    lookup: conflictLookup(deps),
    returns: relatedPartyReturns(deps),
    publication: interestPublication(deps),
    // What is waiting for a person: reviews, their annual declaration and return, for their home page.
    tasksFor: interestTasks(deps),
    // Declarations completion for a committee pack: the campaigns due in a period.
    committeeSummary: (councilId: string, period: { from: string; to: string }) =>
      committeeSummary(deps.db, councilId, period),
  };
}

// How names are compared, for other modules that find people by name (customers).

// Its records' retention: when their personal data is removed (privacy's daily job).
export { declarationRetention, relatedPartyReturnRetention } from './privacy/retention.ts';
// A staff member's declarations and returns, for a subject access request.
export { interestsSubjectAccess } from './privacy/subject-access.ts';
