import { complaintAccounts, complaintRemedies, complaintStages } from './modules/complaints/service.ts';
import { conductInvestigations } from './modules/conduct/service.ts';
import { giftApprovals, giftRegisterReviews } from './modules/gifts/service.ts';
import { declarationReviews } from './modules/interests/service.ts';
import type { HeldWork } from './modules/organisation/service.ts';
import { responsibleForVisits } from './modules/visits/service.ts';

// The open work each module gives to a named person, which the organisation's leavers page lists
// and moves when that person leaves: the organisation is used by every module, so they are handed in.
export const leaversWork: readonly HeldWork[] = [
  giftApprovals,
  giftRegisterReviews,
  declarationReviews,
  complaintStages,
  complaintRemedies,
  complaintAccounts,
  responsibleForVisits,
  conductInvestigations,
];
