// Is it a corporate complaint? (003 §2.1-2.10, §5.1; DOMAIN.md §3 "Triage").
import { addMonths } from '../../platform/calendar/months.ts';
import type { FieldError } from '../../platform/errors.ts';
import type { PolicySettings } from '../organisation/service.ts';

export const triageDecisions = {
  complaint: 'A complaint: accept it at stage 1',
  'service-request': 'A service request, a first report or a query',
  appeal: 'An appeal, or the service has not had the chance to put it right',
  feedback: 'General comments or feedback',
  'out-of-scope': 'Outside what the council can look at',
  'statutory-route': 'Has its own statutory complaints process',
} as const;
export type TriageDecision = keyof typeof triageDecisions;

// Where the complaints policy says so, shown under each choice.
export const triageSources: Partial<Record<TriageDecision, string>> = {
  'service-request': '003 §2.3',
  appeal: '003 §2.3, §5.1',
  feedback: '003 §2.3',
  'out-of-scope': '003 §2.4',
  'statutory-route': '003 §2.5-2.10',
};
export const isTriageDecision = (value: string): value is TriageDecision =>
  Object.hasOwn(triageDecisions, value);

// 003 §2.2
export const complaintCategories = {
  delay: 'Unreasonable delay',
  'staff-behaviour': 'Unreasonable behaviour by a member of staff',
  'service-quality': 'Poor quality service',
  'procedure-not-followed': 'Policy or procedure not followed',
  other: 'Something else',
} as const;
type ComplaintCategory = keyof typeof complaintCategories;
const isCategory = (value: string): value is ComplaintCategory => Object.hasOwn(complaintCategories, value);

// 003 §2.5-2.10: each route and the policy setting holding the council's page for it.
export const statutoryRoutes = {
  'adult-social-care': { name: 'Adult social care', setting: 'adultSocialCareComplaintsUrl' },
  'childrens-services': { name: 'Children’s services', setting: 'childrensServicesComplaintsUrl' },
  councillor: { name: 'A councillor', setting: 'councillorComplaintsUrl' },
  school: { name: 'A school', setting: 'schoolComplaintsUrl' },
  'environmental-report': { name: 'Reporting an environmental issue', setting: 'environmentalReportUrl' },
} as const satisfies Record<string, { name: string; setting: keyof PolicySettings }>;
export type StatutoryRoute = keyof typeof statutoryRoutes;
export const isStatutoryRoute = (value: string): value is StatutoryRoute =>
  Object.hasOwn(statutoryRoutes, value);

type TriageOutcome = {
  accepted: boolean;
  letter: 'acknowledgement' | 'refusal';
  // The Code: a decision not to accept a complaint is explained, with the right to go to the
  // Ombudsman, whatever the reason; a request or a statutory route also says where to go instead.
  ombudsmanDetails: boolean;
  reasonRequired: boolean;
};

export const triageOutcomes: Record<TriageDecision, TriageOutcome> = {
  complaint: { accepted: true, letter: 'acknowledgement', ombudsmanDetails: false, reasonRequired: false },
  'service-request': { accepted: false, letter: 'refusal', ombudsmanDetails: true, reasonRequired: true },
  appeal: { accepted: false, letter: 'refusal', ombudsmanDetails: true, reasonRequired: true },
  feedback: { accepted: false, letter: 'refusal', ombudsmanDetails: true, reasonRequired: true },
  'out-of-scope': { accepted: false, letter: 'refusal', ombudsmanDetails: true, reasonRequired: true },
  'statutory-route': { accepted: false, letter: 'refusal', ombudsmanDetails: true, reasonRequired: true },
};

// Where to send the person instead: the council's page for the route, or for service requests.
export function redirectUrl(
  decision: TriageDecision,
  route: StatutoryRoute | null,
  policy: PolicySettings,
): string {
  if (decision === 'service-request') return policy.serviceRequestUrl;
  if (decision === 'statutory-route' && route) return String(policy[statutoryRoutes[route].setting]);
  return '';
}

// DOMAIN.md §3: complaints more than 12 months (policy) after the event are accepted at discretion.
export function isLate(happenedOn: string | null, receivedOn: string, lateMonths: number): boolean {
  return happenedOn !== null && happenedOn < addMonths(receivedOn, -lateMonths);
}

export type TriageInput = {
  decision: string;
  category: string;
  housing: string;
  statutoryRoute: string;
  reason: string;
  lateAccepted: string;
};

export function triageErrors(input: TriageInput, late: boolean, lateMonths: number): FieldError[] {
  const errors: FieldError[] = [];
  if (!isTriageDecision(input.decision)) {
    errors.push({ key: 'decision', message: 'Select what it is' });
    return errors;
  }
  const outcome = triageOutcomes[input.decision];
  if (outcome.accepted) {
    if (!isCategory(input.category))
      errors.push({ key: 'category', message: 'Select what the complaint is about' });
    if (input.housing !== 'yes' && input.housing !== 'no')
      errors.push({ key: 'housing', message: 'Select whether it is about a housing matter' });
    if (late && input.lateAccepted !== 'yes')
      errors.push({
        key: 'lateAccepted',
        message: `It was made more than ${lateMonths} months after the event: confirm you are accepting it at your discretion, or choose another decision`,
      });
    if (late && input.reason === '')
      errors.push({ key: 'reason', message: 'Say why you are accepting a late complaint' });
  }
  if (input.decision === 'statutory-route' && !isStatutoryRoute(input.statutoryRoute))
    errors.push({ key: 'statutoryRoute', message: 'Select which process it belongs to' });
  if (outcome.reasonRequired && input.reason === '')
    errors.push({ key: 'reason', message: 'Give the reason, for the letter to the person' });
  if (input.reason.length > 5000)
    errors.push({ key: 'reason', message: 'The reason must be 5,000 characters or fewer' });
  return errors;
}

// 003 §5.5: housing complaints go to the Housing Ombudsman. A complaint about the housing service
// is a housing matter unless the officer says otherwise.
export const housingByDefault = (serviceName: string) => /\bhousing\b/i.test(serviceName);
