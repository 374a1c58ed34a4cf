// The council's policy record: every per-council setting the rules read, with the defaults from
// DOMAIN.md and the source paragraph each comes from. Rules take these values; none hard-codes them.
import { z } from 'zod';
import { type Role, roleNames } from '../../platform/auth/roles.ts';

type Choice = { value: string; text: string };
type Field = {
  key: string;
  group: string;
  label: string;
  hint?: string;
  kind: 'money' | 'number' | 'time' | 'email' | 'url' | 'yes-no' | 'choice' | 'choices';
  unit?: string;
  min?: number;
  max?: number;
  options?: readonly Choice[];
  default: number | string | boolean | readonly string[];
};

const roleChoices = (choices: readonly Role[]) =>
  choices.map((role) => ({ value: role, text: roleNames[role] }));

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
      { value: 'single-stage', text: 'Council single-stage policy (003 §5.3)' },
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
  {
    key: 'checkInEscalateToManagerMinutes',
    group: 'Field visits',
    label: 'Missed check-in: tell the line manager after',
    kind: 'number',
    unit: 'minutes',
    min: 5,
    max: 240,
    default: 30,
  },
  {
    key: 'checkInEscalateToEmergencyMinutes',
    group: 'Field visits',
    label: 'Missed check-in: emergency escalation after',
    kind: 'number',
    unit: 'minutes',
    min: 10,
    max: 480,
    default: 60,
  },
] as const satisfies readonly Field[];

type Fields = (typeof policyFields)[number];
export type PolicySettings = {
  [F in Fields as F['key']]: F['default'] extends number
    ? number
    : F['default'] extends boolean
      ? boolean
      : F['default'] extends readonly string[]
        ? readonly string[]
        : string;
};

export function defaultPolicy(): PolicySettings {
  return Object.fromEntries(
    policyFields.map((field) => [field.key, field.default]),
  ) as unknown as PolicySettings;
}

// Stored settings over the defaults; a stored value that no longer fits its field is ignored.
export function readPolicy(stored: unknown): PolicySettings {
  const settings = defaultPolicy() as Record<string, unknown>;
  const record = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  for (const field of policyFields as readonly Field[]) {
    const value = record[field.key];
    if (value !== undefined && fieldError(field, value) === null) settings[field.key] = value;
  }
  return settings as PolicySettings;
}

type PolicyFormResult =
  | { ok: true; settings: PolicySettings }
  | { ok: false; errors: { key: string; message: string }[]; values: Record<string, string> };

// Reads the settings form: money in pounds and pence, times as HH:MM, yes/no radios.
export function parsePolicyForm(body: Record<string, unknown>): PolicyFormResult {
  const values: Record<string, string> = {};
  const settings: Record<string, unknown> = {};
  const errors: { key: string; message: string }[] = [];
  for (const field of policyFields as readonly Field[]) {
    if (field.kind === 'choices') {
      // Checkboxes: none ticked sends nothing, which is a valid choice.
      const ticked = [body[field.key]].flat().filter((item): item is string => typeof item === 'string');
      values[field.key] = ticked.join(',');
      const message = fieldError(field, ticked);
      if (message) errors.push({ key: field.key, message });
      else settings[field.key] = ticked;
      continue;
    }
    const raw = typeof body[field.key] === 'string' ? (body[field.key] as string).trim() : '';
    values[field.key] = raw;
    const value = fromFormValue(field, raw);
    const message = value === undefined ? missingMessage(field) : fieldError(field, value);
    if (message) errors.push({ key: field.key, message });
    else settings[field.key] = value;
  }
  return errors.length ? { ok: false, errors, values } : { ok: true, settings: settings as PolicySettings };
}

export function toFormValue(field: Field, value: unknown): string {
  if (field.kind === 'money') return (Number(value) / 100).toFixed(2);
  if (field.kind === 'yes-no') return value ? 'yes' : 'no';
  if (field.kind === 'choices') return Array.isArray(value) ? value.join(',') : '';
  return String(value);
}

export function displayValue(field: Field, value: unknown): string {
  if (field.kind === 'money') return `£${(Number(value) / 100).toFixed(2)}`;
  if (field.kind === 'yes-no') return value ? 'Yes' : 'No';
  if (field.kind === 'email' || field.kind === 'url') return value ? String(value) : 'Not set';
  if (field.kind === 'choice')
    return field.options?.find((option) => option.value === value)?.text ?? String(value);
  if (field.kind === 'choices') {
    const chosen = field.options?.filter((option) => Array.isArray(value) && value.includes(option.value));
    return chosen?.length ? chosen.map((option) => option.text).join(', ') : 'None';
  }
  return field.unit ? `${String(value)} ${field.unit}` : String(value);
}

function fromFormValue(field: Field, raw: string): unknown {
  if (raw === '') return field.kind === 'email' || field.kind === 'url' ? '' : undefined;
  switch (field.kind) {
    case 'money': {
      const pounds = raw.replace(/^£/, '').replaceAll(',', '');
      return /^\d+(\.\d{1,2})?$/.test(pounds) ? Math.round(Number(pounds) * 100) : Number.NaN;
    }
    case 'number':
      return /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN;
    case 'yes-no':
      return raw === 'yes' ? true : raw === 'no' ? false : null;
    default:
      return raw;
  }
}

function missingMessage(field: Field): string {
  return field.kind === 'yes-no' || field.kind === 'choice'
    ? `Select ${lower(field.label)}`
    : `Enter ${lower(field.label)}`;
}

function fieldError(field: Field, value: unknown): string | null {
  const name = field.label;
  switch (field.kind) {
    case 'money':
    case 'number': {
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        return field.kind === 'money'
          ? `${name} must be an amount in pounds, like 50 or 20.00`
          : `${name} must be a whole number`;
      }
      const shown = (n: number) => (field.kind === 'money' ? `£${(n / 100).toFixed(2)}` : `${n}`);
      if (field.min !== undefined && value < field.min) return `${name} must be ${shown(field.min)} or more`;
      if (field.max !== undefined && value > field.max) return `${name} must be ${shown(field.max)} or less`;
      return null;
    }
    case 'time':
      return typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value)
        ? null
        : `${name} must be a 24-hour time, like 18:00`;
    // Empty means nobody holds the post.
    case 'email':
      return typeof value === 'string' && (value === '' || z.email().safeParse(value).success)
        ? null
        : `${name} must be an email address, like name@council.gov.uk`;
    // Empty means the council has no such page; only web addresses are linked to from public pages.
    case 'url':
      return typeof value === 'string' && (value === '' || /^https?:\/\/[^\s"<>]+$/.test(value))
        ? null
        : `${name} must be a web address starting with https://`;
    case 'yes-no':
      return typeof value === 'boolean' ? null : `Select ${lower(name)}`;
    case 'choice':
      return field.options?.some((option) => option.value === value) ? null : `Select ${lower(name)}`;
    case 'choices':
      return Array.isArray(value) &&
        value.every((item) => field.options?.some((option) => option.value === item)) &&
        new Set(value).size === value.length
        ? null
        : `Select ${lower(name)} from the list`;
  }
}

function lower(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}
