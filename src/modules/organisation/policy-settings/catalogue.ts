// The council's policy record: every per-council setting the rules read, with the defaults from
// DOMAIN.md and the source paragraph each comes from. Rules take these values; none hard-codes them.
import { type Role, roleNames } from '../../../platform/auth/roles.ts';
import { citedDocuments } from '../../../platform/web/citations.ts';

type Choice = { value: string; text: string };
export type Field = {
  key: string;
  group: string;
  label: string;
  hint?: string;
  kind: 'money' | 'number' | 'decimal' | 'time' | 'text' | 'email' | 'url' | 'yes-no' | 'choice' | 'choices';
  unit?: string;
  min?: number;
  max?: number;
  options?: readonly Choice[];
  default: number | string | boolean | readonly string[];
};

const roleChoices = (choices: readonly Role[]) =>
  choices.map((role) => ({ value: role, text: roleNames[role] }));

// What the council calls each document its rules cite, and where it publishes it: pages say
// "Officers’ Code of Conduct, paragraph 61", linked, rather than the code a rule cites it by.
function policyDocument<S extends (typeof citedDocuments)[number]['setting']>(
  setting: S,
  what: string,
  hint: string,
) {
  const document = citedDocuments.find((cited) => cited.setting === setting);
  const group = 'The council’s policies';
  return [
    {
      key: `${setting}Name` as `${S}Name`,
      group,
      label: `Name of the ${what}`,
      hint,
      kind: 'text',
      default: document?.name ?? '',
    },
    {
      key: `${setting}Url` as `${S}Url`,
      group,
      label: `Web address of the ${what}`,
      hint: 'Where the council publishes it, for pages to link to; leave empty if it is not online',
      kind: 'url',
      default: '',
    },
  ] as const;
}

// Raising concerns (DOMAIN.md §6; 002 §12 "Fraud, corruption or other unlawful conduct"): each
// category goes to the director of audit / head of fraud, HR or the monitoring officer.
const concernRouteChoices = roleChoices(['audit', 'hr', 'monitoring-officer']);
function concernRoute<K extends string>(
  key: K,
  about: string,
  fallback: 'audit' | 'hr' | 'monitoring-officer',
) {
  return {
    key,
    group: 'Raising concerns',
    label: `Concerns about ${about} go to`,
    kind: 'choice',
    options: concernRouteChoices,
    default: fallback as string,
  } as const;
}

export const policyFields = [
  {
    key: 'sessionIdleMinutes',
    group: 'Sign-in',
    label: 'Sign out after inactivity',
    kind: 'number',
    unit: 'minutes',
    min: 5,
    max: 720,
    default: 30,
  },
  {
    key: 'maxFailedSignIns',
    group: 'Sign-in',
    label: 'Failed sign-ins before an account is locked',
    kind: 'number',
    unit: 'attempts',
    min: 3,
    max: 20,
    default: 5,
  },
  {
    key: 'lockoutMinutes',
    group: 'Sign-in',
    label: 'How long a locked account stays locked',
    kind: 'number',
    unit: 'minutes',
    min: 1,
    max: 1440,
    default: 15,
  },
  // 001 §64 (£50); 002 §9 uses £20.
  {
    key: 'giftRecordingThresholdPence',
    group: 'Gifts and hospitality',
    label: 'Recording threshold',
    hint: 'Gifts and hospitality worth more than this must be recorded, accepted or declined',
    kind: 'money',
    min: 0,
    max: 100_000,
    default: 5000,
  },
  // 001 §64 records gifts "over £50"; 002 §9 those "of £20 or more".
  {
    key: 'giftThresholdComparison',
    group: 'Gifts and hospitality',
    label: 'An offer exactly at the threshold',
    kind: 'choice',
    default: 'more-than',
    options: [
      { value: 'more-than', text: 'Need not be recorded: record offers worth more than the threshold' },
      { value: 'at-least', text: 'Must be recorded: record offers worth the threshold or more' },
    ],
  },
  // 001 §60: minor articles of token value are not treated as gifts.
  {
    key: 'tokenValueLimitPence',
    group: 'Gifts and hospitality',
    label: 'Token value limit',
    hint: 'Promotional items such as calendars and diaries worth less than this are not gifts',
    kind: 'money',
    min: 0,
    max: 100_000,
    default: 1000,
  },
  // 001 §69
  {
    key: 'hospitalityNeedsApproval',
    group: 'Gifts and hospitality',
    label: 'Hospitality other than minor needs advance approval by the head of service',
    kind: 'yes-no',
    default: true,
  },
  // 001 §73
  {
    key: 'giftReviewMonths',
    group: 'Gifts and hospitality',
    label: 'Register review cycle',
    kind: 'number',
    unit: 'months',
    min: 1,
    max: 12,
    default: 3,
  },
  {
    key: 'giftReviewDueWorkingDays',
    group: 'Gifts and hospitality',
    label: 'A review is due within',
    hint: 'Working days after the review period ends; reviewers are reminded by email once it is overdue',
    kind: 'number',
    unit: 'working days',
    min: 1,
    max: 60,
    default: 20,
  },
  // 002 Monitoring: the register can be published as open data.
  {
    key: 'giftRegisterPublished',
    group: 'Gifts and hospitality',
    label: 'Publish the register on a public page and as open data',
    kind: 'yes-no',
    default: true,
  },
  {
    key: 'giftPublicationFields',
    group: 'Gifts and hospitality',
    label: 'Published fields',
    hint: 'Names are published only for heads of service and more senior staff',
    kind: 'choices',
    default: ['jobTitle', 'service', 'offeror', 'nature', 'valueBand', 'date', 'decision'],
    options: [
      { value: 'seniorName', text: 'Name (heads of service and above only)' },
      { value: 'jobTitle', text: 'Job title' },
      { value: 'service', text: 'Service' },
      { value: 'offeror', text: 'Who made the offer' },
      { value: 'relationship', text: 'Their relationship with the council' },
      { value: 'nature', text: 'Nature of the gift or hospitality' },
      { value: 'valueBand', text: 'Value band' },
      { value: 'value', text: 'Estimated value' },
      { value: 'date', text: 'Date offered' },
      { value: 'decision', text: 'Accepted or declined' },
    ],
  },
  // 002 Honesty: annual declaration at appraisal.
  {
    key: 'declarationCampaignMonth',
    group: 'Register of interests',
    label: 'Month the annual declaration campaign opens',
    kind: 'number',
    unit: 'month (1 to 12)',
    min: 1,
    max: 12,
    default: 4,
  },
  {
    key: 'declarationReminderDays',
    group: 'Register of interests',
    label: 'Campaign reminder cadence',
    kind: 'number',
    unit: 'days',
    min: 1,
    max: 60,
    default: 14,
  },
  // 001 §47: an officer's or close associate's planning application is notified in writing to the
  // Head of Development and the monitoring officer.
  {
    key: 'headOfDevelopmentEmail',
    group: 'Register of interests',
    label: 'Head of Development’s email address',
    hint: 'Told when an officer declares a planning application by them or a close associate. Leave empty if nobody holds the post',
    kind: 'email',
    default: '',
  },
  // 001 §49: "relevant officers" complete the related party transactions return each year.
  {
    key: 'relatedPartyRoles',
    group: 'Register of interests',
    label: 'Who completes the related party transactions return',
    hint: 'Everyone holding any of these roles is asked each financial year',
    kind: 'choices',
    default: ['chief-executive', 'director', 'head-of-service', 'monitoring-officer'],
    options: roleChoices([
      'chief-executive',
      'director',
      'head-of-service',
      'monitoring-officer',
      'hr',
      'audit',
    ]),
  },
  // 002 Monitoring: registers can be published; only senior officers' interests, and only kinds the
  // public has a legitimate interest in (see publication-rules.ts).
  {
    key: 'interestRegisterPublished',
    group: 'Register of interests',
    label: 'Publish the register of senior officers’ interests',
    kind: 'yes-no',
    default: false,
  },
  {
    key: 'interestPublicationFields',
    group: 'Register of interests',
    label: 'Published fields of senior officers’ interests',
    hint: 'Only the reviewed, current interests of heads of service and more senior staff are published, so their names are too. Only their links with organisations that deal with the council are published: never addresses, answers, people other than the officer, criminal matters, relationships or legacies',
    kind: 'choices',
    default: ['name', 'jobTitle', 'service', 'kind', 'organisation', 'since'],
    options: [
      { value: 'name', text: 'Name' },
      { value: 'jobTitle', text: 'Job title' },
      { value: 'service', text: 'Service' },
      { value: 'kind', text: 'Kind of interest' },
      { value: 'organisation', text: 'Organisations named' },
      { value: 'since', text: 'Held since' },
    ],
  },
  // 003 Appendix V §7.8, Working Time Regulations.
  {
    key: 'maxAverageWeeklyHours',
    group: 'Register of interests',
    label: 'Average weekly working hours limit',
    kind: 'number',
    unit: 'hours',
    min: 1,
    max: 100,
    default: 48,
  },
  {
    key: 'complaintRegime',
    group: 'Complaints',
    label: 'Complaint handling regime',
    kind: 'choice',
    default: 'complaint-handling-code',
    options: [
      { value: 'complaint-handling-code', text: 'Ombudsman Complaint Handling Code: two stages' },
      { value: 'single-stage', text: 'The council’s own single-stage policy' }, // 003 §5.3
    ],
  },
  {
    key: 'stage1AcknowledgeDays',
    group: 'Complaints',
    label: 'Stage 1: acknowledge within',
    kind: 'number',
    unit: 'working days',
    min: 1,
    max: 20,
    default: 5,
  },
  {
    key: 'stage1RespondDays',
    group: 'Complaints',
    label: 'Stage 1: respond within (after acknowledgement)',
    kind: 'number',
    unit: 'working days',
    min: 1,
    max: 60,
    default: 10,
  },
  {
    key: 'stage1MaxExtensionDays',
    group: 'Complaints',
    label: 'Stage 1: longest extension',
    kind: 'number',
    unit: 'working days',
    min: 0,
    max: 60,
    default: 10,
  },
  {
    key: 'stage2AcknowledgeDays',
    group: 'Complaints',
    label: 'Stage 2: acknowledge within',
    kind: 'number',
    unit: 'working days',
    min: 1,
    max: 20,
    default: 5,
  },
  {
    key: 'stage2RespondDays',
    group: 'Complaints',
    label: 'Stage 2: respond within',
    kind: 'number',
    unit: 'working days',
    min: 1,
    max: 60,
    default: 20,
  },
  {
    key: 'stage2MaxExtensionDays',
    group: 'Complaints',
    label: 'Stage 2: longest extension',
    kind: 'number',
    unit: 'working days',
    min: 0,
    max: 60,
    default: 20,
  },
  // 003 §5.3
  {
    key: 'singleStageAcknowledgeDays',
    group: 'Complaints',
    label: 'Single stage: acknowledge within',
    kind: 'number',
    unit: 'working days',
    min: 1,
    max: 20,
    default: 3,
  },
  {
    key: 'singleStageResolveWeeks',
    group: 'Complaints',
    label: 'Single stage: aim to resolve within',
    kind: 'number',
    unit: 'weeks',
    min: 1,
    max: 26,
    default: 10,
  },
  {
    key: 'lateComplaintMonths',
    group: 'Complaints',
    label: 'Complaints later than this after the event are accepted only at discretion',
    kind: 'number',
    unit: 'months',
    min: 1,
    max: 60,
    default: 12,
  },
  // DOMAIN.md §3 triage: a complaint repeating one the same person made about the same service
  // is flagged as a possible duplicate, to merge or keep.
  {
    key: 'duplicateComplaintWindowDays',
    group: 'Complaints',
    label: 'Flag possible duplicate complaints received within',
    hint: 'From the same person, about the same service, in similar words; the complaints team merge them or keep both at triage',
    kind: 'number',
    unit: 'days',
    min: 1,
    max: 365,
    default: 28,
  },
  {
    key: 'publicComplaintsPerDay',
    group: 'Complaints',
    label: 'Complaints the public may start online in a day',
    hint: 'A ceiling against the form being used to fill the database; past it, people are asked to try again tomorrow or to phone or write',
    kind: 'number',
    unit: 'complaints',
    min: 10,
    max: 100000,
    default: 1000,
  },
  {
    key: 'publicUploadMegabytesPerDay',
    group: 'Complaints',
    label: 'Files the public may upload with online complaints in a day',
    kind: 'number',
    unit: 'MB',
    min: 10,
    max: 100000,
    default: 1000,
  },
  {
    key: 'complaintReminderWorkingDays',
    group: 'Complaints',
    label: 'Remind handlers before a deadline',
    hint: 'A complaint this close to a deadline is shown as at risk, and its handler is emailed',
    kind: 'number',
    unit: 'working days',
    min: 1,
    max: 10,
    default: 2,
  },
  // The Complaint Handling Code expects every response by its deadline; a council may report against
  // a local target as well.
  {
    key: 'complaintOnTimeTargetPercent',
    group: 'Complaints',
    label: 'Target for responses sent on time',
    hint: 'The share of responses to be sent by their deadline, or the extended deadline. The complaint reports draw it as the target line on the timeliness chart',
    kind: 'number',
    unit: '%',
    min: 1,
    max: 100,
    default: 100,
  },
  // 003 §2.3-2.10: what is not a corporate complaint is steered to the right place.
  {
    key: 'serviceRequestUrl',
    group: 'Complaints',
    label: 'Page for service requests and reporting a problem',
    hint: 'For example reporting a pothole or asking for a service for the first time',
    kind: 'url',
    default: '',
  },
  {
    key: 'adultSocialCareComplaintsUrl',
    group: 'Complaints',
    label: 'Adult social care complaints page',
    kind: 'url',
    default: '',
  },
  {
    key: 'childrensServicesComplaintsUrl',
    group: 'Complaints',
    label: 'Children’s services complaints page',
    kind: 'url',
    default: '',
  },
  {
    key: 'councillorComplaintsUrl',
    group: 'Complaints',
    label: 'Complaints about councillors page',
    kind: 'url',
    default: '',
  },
  {
    key: 'schoolComplaintsUrl',
    group: 'Complaints',
    label: 'Complaints about schools page',
    kind: 'url',
    default: '',
  },
  {
    key: 'environmentalReportUrl',
    group: 'Complaints',
    label: 'Report an environmental issue page',
    kind: 'url',
    default: '',
  },
  // Every letter an officer writes is checked by them before it goes; for these kinds a second
  // person on the complaints team approves it too. The kinds and their names are the letters
  // module's (templates/kinds.ts); a test holds this list to them.
  {
    key: 'lettersNeedingApproval',
    group: 'Letters',
    label: 'Letters a second person must approve before they are sent',
    hint: 'Someone on the complaints team who did not write or change the letter approves it, and it is sent then. Other letters are sent by the officer who writes them, once they have checked them',
    kind: 'choices',
    default: [],
    options: [
      { value: 'acknowledgement', text: 'Acknowledgement' },
      { value: 'extension', text: 'Extension notice' },
      { value: 'stage-1-response', text: 'Stage 1 response' },
      { value: 'stage-2-response', text: 'Stage 2 response (final)' },
      { value: 'single-stage-response', text: 'Response (single-stage, final)' },
      { value: 'refusal', text: 'Complaint not accepted' },
      { value: 'escalation-acknowledgement', text: 'Stage 2 acknowledgement' },
      { value: 'warning', text: 'Behaviour warning' },
      { value: 'final-warning', text: 'Final warning (pre-vexatious)' },
      { value: 'vexatious', text: 'Vexatious decision and restrictions' },
      { value: 'restriction-review', text: 'Restriction review outcome' },
      { value: 'review-request-answer', text: 'Answer to a request for review' },
    ],
  },
  // The points at which the monitoring officer tells the councillor complained about, as the
  // council's arrangements for councillor conduct complaints set them (003 standards minute 21).
  // The points are the conduct module's (casework/rules.ts); a test holds this list to them.
  {
    key: 'conductSubjectNoticePoints',
    group: 'Councillor conduct complaints',
    label: 'Tell the councillor complained about',
    hint: 'Each point at which the councillor is emailed about the complaint',
    kind: 'choices',
    default: ['received', 'decided', 'hearing'],
    options: [
      { value: 'received', text: 'When a complaint about them is received' },
      { value: 'assessed', text: 'When the complaint has been assessed' },
      { value: 'decided', text: 'When the monitoring officer decides what happens next' },
      { value: 'reported', text: 'When an investigation reports' },
      { value: 'hearing', text: 'When a hearing panel decides' },
    ],
  },
  // When the monitoring officer aims to have assessed a complaint about a councillor, and to have
  // decided what happens to a valid one, counted in working days from its receipt: the due dates
  // on their home page.
  {
    key: 'conductAssessmentWorkingDays',
    group: 'Councillor conduct complaints',
    label: 'Assess a complaint about a councillor within',
    kind: 'number',
    unit: 'working days',
    min: 1,
    max: 60,
    default: 10,
  },
  {
    key: 'conductDecisionWorkingDays',
    group: 'Councillor conduct complaints',
    label: 'Decide what happens to a valid complaint within',
    hint: 'After consulting an independent person',
    kind: 'number',
    unit: 'working days',
    min: 1,
    max: 120,
    default: 20,
  },
  // 003 vexatious procedure §4.6 and §7.1
  {
    key: 'restrictionReviewMonths',
    group: 'Unreasonable behaviour',
    label: 'Review restrictions every',
    kind: 'number',
    unit: 'months',
    min: 1,
    max: 12,
    default: 4,
  },
  {
    key: 'complainantRetentionMonths',
    group: 'Retention',
    label: 'Keep complainants’ personal data after resolution for',
    kind: 'number',
    unit: 'months',
    min: 1,
    max: 120,
    default: 18,
  },
  {
    key: 'registerRetentionYears',
    group: 'Retention',
    label: 'Keep ended declarations and gift entries for',
    kind: 'number',
    unit: 'years',
    min: 1,
    max: 20,
    default: 6,
  },
  {
    key: 'auditRetentionYears',
    group: 'Retention',
    label: 'Keep the audit trail for',
    kind: 'number',
    unit: 'years',
    min: 1,
    max: 30,
    default: 7,
  },
  // DOMAIN.md records and privacy: a rejected or removed risk marker (000, 004) is anonymised after this.
  {
    key: 'riskMarkerRetentionYears',
    group: 'Retention',
    label: 'Keep rejected and removed risk markers for',
    hint: 'Then the reason, the name and the address are removed',
    kind: 'number',
    unit: 'years',
    min: 1,
    max: 20,
    default: 3,
  },
  // DOMAIN.md "Records, privacy and audit": incident reports, then their personal details removed
  {
    key: 'incidentRetentionYears',
    group: 'Retention',
    label: 'Keep field incident reports for',
    kind: 'number',
    unit: 'years',
    min: 1,
    max: 40,
    default: 6,
  },
  // 000 out-of-hours working
  {
    key: 'outOfHoursFrom',
    group: 'Field visits',
    label: 'Out-of-hours work starts at',
    hint: 'Work after this time, at weekends or in non-daylight needs authorisation',
    kind: 'time',
    default: '18:00',
  },
  {
    key: 'earliestVisit',
    group: 'Field visits',
    label: 'No un-notified visit before',
    kind: 'time',
    default: '07:00',
  },
  {
    key: 'latestVisit',
    group: 'Field visits',
    label: 'No un-notified visit after',
    kind: 'time',
    default: '20:00',
  },
  // 004; Taking Control of Goods Regulations 2013 regs 12-13
  {
    key: 'enforcementFrom',
    group: 'Field visits',
    label: 'Enforcement agents may take control of goods from',
    kind: 'time',
    default: '06:00',
  },
  {
    key: 'enforcementUntil',
    group: 'Field visits',
    label: 'Enforcement agents may take control of goods until',
    kind: 'time',
    default: '21:00',
  },
  // DOMAIN.md §5 / 004: a payment arrangement's instalment is missed after a grace period (7 days).
  {
    key: 'arrangementGraceDays',
    group: 'Field visits',
    label: 'Payment arrangement: an instalment is missed after',
    hint: 'Days after it was due without payment; the arrangement is then defaulted and the case goes back for a visit',
    kind: 'number',
    unit: 'days',
    min: 0,
    max: 60,
    default: 7,
  },
  // 000 "during the tour": a missed check-in goes to the responsible officer, then the line
  // manager, then emergency; DOMAIN.md §5 sets 15, 30 and 45 minutes after it was due.
  {
    key: 'checkInEscalateToResponsibleMinutes',
    group: 'Field visits',
    label: 'Missed check-in: tell the responsible officer after',
    hint: 'Minutes after the check-in was due',
    kind: 'number',
    unit: 'minutes',
    min: 1,
    max: 480,
    default: 15,
  },
  {
    key: 'checkInEscalateToManagerMinutes',
    group: 'Field visits',
    label: 'Missed check-in: tell the line manager after',
    hint: 'Minutes after the check-in was due',
    kind: 'number',
    unit: 'minutes',
    min: 1,
    max: 480,
    default: 30,
  },
  {
    key: 'checkInEscalateToEmergencyMinutes',
    group: 'Field visits',
    label: 'Missed check-in: emergency escalation after',
    hint: 'Minutes after the check-in was due',
    kind: 'number',
    unit: 'minutes',
    min: 1,
    max: 480,
    default: 45,
  },
  // 000: a concern for a child's safety goes to the Lead Officer for Child Protection ("Safeguarding"),
  // a suspected fraud to the Payments Team, a threat of violence to an incident report; read with
  // the council's Health and Safety Policy. Empty means the council has no such address.
  {
    key: 'safeguardingContactEmail',
    group: 'Field visits',
    label: 'Safeguarding referrals go to',
    hint: 'Leave empty if the council has no such address',
    kind: 'email',
    default: '',
  },
  {
    key: 'fraudReferralEmail',
    group: 'Field visits',
    label: 'Fraud referrals go to',
    hint: 'Leave empty if the council has no such address',
    kind: 'email',
    default: '',
  },
  {
    key: 'healthAndSafetyEmail',
    group: 'Field visits',
    label: 'Incident reports are copied to (health and safety)',
    hint: 'Leave empty if the council has no such address',
    kind: 'email',
    default: '',
  },
  // DOMAIN.md §6-7: a committee pack's raising-concerns figures never identify a reporter; a
  // count under this minimum is shown as "fewer than" it (reports/packs/rules.ts).
  {
    key: 'committeeSmallNumberMinimum',
    group: 'Committee reports',
    label: 'Smallest count of raising-concerns figures shown to a committee',
    hint: 'A smaller count shows as “fewer than” this number, and so does any count that would give it away',
    kind: 'number',
    min: 2,
    max: 50,
    default: 5,
  },
  // Local Government Act 1972 s100F and Schedule 12A: exempt items go to members in private papers.
  {
    key: 'committeeMembersReadExemptItems',
    group: 'Committee reports',
    label: 'Committee members may read the full version of a published pack, with its exempt items',
    hint: 'Otherwise they read the public version, and exempt papers are sent to them separately',
    kind: 'yes-no',
    default: false,
  },
  // DOMAIN.md §5 Planning (004): the day's visits ordered into the most efficient route. Without a
  // routing engine, a journey is the straight-line distance stretched to the roads, at an average speed.
  {
    key: 'travelRoadFactor',
    group: 'Route planning',
    label: 'Road distance over straight-line distance',
    hint: 'Used when no routing engine is configured: about 1.3 in towns, more where roads wind or rivers cross',
    kind: 'decimal',
    min: 1,
    max: 3,
    default: 1.3,
  },
  {
    key: 'travelSpeedKmh',
    group: 'Route planning',
    label: 'Average driving speed between visits',
    hint: 'Used when no routing engine is configured, stops and junctions included',
    kind: 'number',
    unit: 'km/h',
    min: 5,
    max: 100,
    default: 25,
  },
  // DOMAIN.md §6: the periods of the EU Whistleblowing Directive 2019/1937 art. 9, used as good
  // practice: acknowledge within 7 days, feed back within 3 months.
  {
    key: 'concernAcknowledgeDays',
    group: 'Raising concerns',
    label: 'Acknowledge a concern within',
    kind: 'number',
    unit: 'days',
    min: 1,
    max: 60,
    default: 7,
  },
  {
    key: 'concernFeedbackMonths',
    group: 'Raising concerns',
    label: 'Tell the reporter what is being done within',
    kind: 'number',
    unit: 'months',
    min: 1,
    max: 12,
    default: 3,
  },
  {
    key: 'concernReminderDays',
    group: 'Raising concerns',
    label:
      'Remind the investigator this many days before a concern is due, and again as often while it is overdue',
    kind: 'number',
    unit: 'days',
    min: 1,
    max: 30,
    default: 2,
  },
  {
    key: 'concernMaxFileMegabytes',
    group: 'Raising concerns',
    label: 'Largest file a reporter may send',
    kind: 'number',
    unit: 'MB',
    min: 1,
    max: 20,
    default: 10,
  },
  concernRoute('concernRouteCriminalOffence', 'a criminal offence', 'audit'),
  concernRoute('concernRouteLegalObligation', 'a breach of a legal obligation', 'monitoring-officer'),
  concernRoute('concernRouteMiscarriageOfJustice', 'a miscarriage of justice', 'monitoring-officer'),
  concernRoute('concernRouteHealthAndSafety', 'danger to health and safety', 'hr'),
  concernRoute('concernRouteEnvironment', 'damage to the environment', 'monitoring-officer'),
  concernRoute('concernRouteConcealment', 'concealment of any of these', 'audit'),
  concernRoute('concernRouteFraud', 'fraud or financial impropriety', 'audit'),
  concernRoute('concernRouteBribery', 'bribery or corruption', 'audit'),
  concernRoute('concernRouteBullying', 'bullying or harassment', 'hr'),
  concernRoute('concernRouteDiscrimination', 'discrimination', 'hr'),
  concernRoute('concernRouteCodeBreach', 'a breach of the code of conduct', 'monitoring-officer'),
  // 002 §12 "Independent reporting lines": the independent hotline the council names (Safecall).
  {
    key: 'concernHotlineName',
    group: 'Raising concerns',
    label: 'Independent confidential hotline',
    hint: 'Shown on the page for raising a concern: the service the council names (002 §12 names Safecall)',
    kind: 'text',
    default: 'Safecall',
  },
  {
    key: 'concernHotlinePhone',
    group: 'Raising concerns',
    label: 'The hotline’s telephone number',
    kind: 'text',
    default: '0800 915 1571',
  },
  {
    key: 'concernHotlineUrl',
    group: 'Raising concerns',
    label: 'The hotline’s web address',
    kind: 'url',
    default: 'https://www.safecall.co.uk/report',
  },
  ...policyDocument(
    'officersCode',
    'officers’ code of conduct',
    'Cited on gifts and hospitality and on declarations of interest',
  ),
  ...policyDocument(
    'conductCode',
    'code on honesty and declaring interests',
    'Cited on reviews of declarations of interest',
  ),
  ...policyDocument(
    'employeesCode',
    'employee code of conduct',
    'Cited on legacies, prizes, loyalty points, relationships with councillors and criminal matters',
  ),
  ...policyDocument('complaintsPolicy', 'complaints policy', 'Cited on triage and allocation of complaints'),
  ...policyDocument(
    'vexatiousProcedure',
    'procedure for unreasonable and vexatious customers',
    'Cited on warnings, decisions, restrictions and their reviews',
  ),
  ...policyDocument(
    'standardsArrangements',
    'arrangements for dealing with complaints about councillors',
    'Cited on the assessment of councillor conduct complaints',
  ),
  ...policyDocument(
    'complianceCode',
    'code of conduct for field visits',
    'Cited on the checks before a visit',
  ),
  ...policyDocument(
    'enforcementProfile',
    'enforcement officers’ role profile',
    'Cited on the checks before an enforcement visit',
  ),
] as const satisfies readonly Field[];
