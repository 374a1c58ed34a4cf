// Ombudsman cases against a complaint: an enquiry from the Local Government and Social Care
// Ombudsman or the Housing Ombudsman, our response, their decision, any remedy they ask for and
// our compliance with it (DOMAIN.md §3; 003 §5.5, §8.1; 003 minutes §19: "Over the last year,
// 100 cases had gone to the Local Government Ombudsman … only 29 had been investigated and the
// Council had been found to be at fault in ten of them").
import { isIsoDate } from '../../../platform/calendar/working-days.ts';
import type { FieldError } from '../../../platform/errors.ts';

export const ombudsmen = {
  lgsco: 'Local Government and Social Care Ombudsman',
  housing: 'Housing Ombudsman',
} as const;
export type Ombudsman = keyof typeof ombudsmen;

export const decisions = {
  'not-investigated': 'Not investigated',
  'no-fault': 'No fault',
  'fault-no-injustice': 'Fault without injustice',
  'fault-injustice': 'Fault with injustice',
} as const;
export type Decision = keyof typeof decisions;

const isOmbudsman = (value: string): value is Ombudsman => value in ombudsmen;
const isDecision = (value: string): value is Decision => value in decisions;

// Housing matters go to the Housing Ombudsman (003 §5.5, §8.1), everything else to the LGSCO.
export const defaultOmbudsman = (housing: boolean): Ombudsman => (housing ? 'housing' : 'lgsco');

export type OmbudsmanCaseFacts = {
  respondedOn: string | null;
  decision: Decision | null;
  remedyDueOn: string | null;
  remedyDoneOn: string | null;
  closedOn: string | null;
};

export const statuses = {
  enquiry: { text: 'Enquiry received', classes: 'govuk-tag--blue' },
  responded: { text: 'Responded, awaiting decision', classes: 'govuk-tag--light-blue' },
  decided: { text: 'Decided', classes: 'govuk-tag--purple' },
  'remedy-agreed': { text: 'Remedy due', classes: 'govuk-tag--orange' },
  'remedy-done': { text: 'Remedy done', classes: 'govuk-tag--green' },
  closed: { text: 'Closed', classes: 'govuk-tag--grey' },
} as const;
type OmbudsmanStatus = keyof typeof statuses;

export function statusOf(facts: OmbudsmanCaseFacts): OmbudsmanStatus {
  if (facts.closedOn) return 'closed';
  if (facts.remedyDoneOn) return 'remedy-done';
  if (facts.remedyDueOn) return 'remedy-agreed';
  if (facts.decision) return 'decided';
  if (facts.respondedOn) return 'responded';
  return 'enquiry';
}

export const steps = {
  response: 'Record our response',
  decision: 'Record the decision',
  remedy: 'Record the remedy agreed',
  'remedy-done': 'Record the remedy as done',
  close: 'Close the case',
} as const;
export type Step = keyof typeof steps;
export const isStep = (value: string): value is Step => value in steps;

// Which step may follow which status. The Ombudsman may decide not to investigate before we
// respond, so a decision may follow the enquiry directly. A remedy follows only a finding of
// fault causing injustice; a case with a remedy agreed closes only once the remedy is done.
const transitions: Record<OmbudsmanStatus, readonly Step[]> = {
  enquiry: ['response', 'decision'],
  responded: ['decision'],
  decided: ['remedy', 'close'],
  'remedy-agreed': ['remedy-done'],
  'remedy-done': ['close'],
  closed: [],
};

export function allowedSteps(facts: OmbudsmanCaseFacts): Step[] {
  return transitions[statusOf(facts)].filter(
    (step) => step !== 'remedy' || facts.decision === 'fault-injustice',
  );
}

export function refusalOf(facts: OmbudsmanCaseFacts, step: Step): string | null {
  if (allowedSteps(facts).includes(step)) return null;
  const status = statusOf(facts);
  if (step === 'remedy' && (status === 'decided' || status === 'enquiry' || status === 'responded'))
    return 'A remedy can only be recorded after a decision of fault with injustice';
  if (step === 'close' && status === 'remedy-agreed')
    return 'The case cannot be closed until the remedy is done';
  return `This case is ${statuses[status].text.toLowerCase()}: you cannot ${steps[step].charAt(0).toLowerCase()}${steps[step].slice(1)}`;
}

const dateRule = (
  errors: FieldError[],
  key: string,
  value: string,
  label: string,
  {
    required,
    notAfter,
    notBefore,
  }: { required: boolean; notAfter?: string; notBefore?: { date: string; label: string } },
) => {
  if (value === '') {
    if (required) errors.push({ key, message: `Enter ${label}` });
    return;
  }
  if (!isIsoDate(value))
    return void errors.push({ key, message: `${capitalise(label)} must be a real date` });
  if (notAfter && value > notAfter)
    return void errors.push({ key, message: `${capitalise(label)} must be today or in the past` });
  if (notBefore && value < notBefore.date)
    errors.push({ key, message: `${capitalise(label)} must be on or after ${notBefore.label}` });
};
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export type EnquiryInput = {
  ombudsman: string;
  theirReference: string;
  receivedOn: string;
  enquiry: string;
  respondBy: string;
};

export function checkEnquiry(input: EnquiryInput, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!isOmbudsman(input.ombudsman)) errors.push({ key: 'ombudsman', message: 'Select which Ombudsman' });
  if (input.theirReference.length > 100)
    errors.push({ key: 'theirReference', message: 'Their reference must be 100 characters or fewer' });
  dateRule(errors, 'receivedOn', input.receivedOn, 'the date the enquiry was received', {
    required: true,
    notAfter: today,
  });
  if (input.enquiry === '') errors.push({ key: 'enquiry', message: 'Enter what the Ombudsman asks for' });
  if (input.enquiry.length > 5000)
    errors.push({ key: 'enquiry', message: 'What the Ombudsman asks for must be 5,000 characters or fewer' });
  dateRule(errors, 'respondBy', input.respondBy, 'the date they want a response by', {
    required: false,
    notBefore: isIsoDate(input.receivedOn)
      ? { date: input.receivedOn, label: 'the date it was received' }
      : undefined,
  });
  return errors;
}

export type StepInput = {
  respondedOn: string;
  decision: string;
  decidedOn: string;
  remedy: string;
  remedyDueOn: string;
  remedyDoneOn: string;
  closedOn: string;
};

// The fields each step asks for, checked against the dates already on the case.
export function checkStep(step: Step, input: StepInput, receivedOn: string, today: string): FieldError[] {
  const errors: FieldError[] = [];
  const received = { date: receivedOn, label: 'the date the enquiry was received' };
  if (step === 'response')
    dateRule(errors, 'respondedOn', input.respondedOn, 'the date we responded', {
      required: true,
      notAfter: today,
      notBefore: received,
    });
  if (step === 'decision') {
    if (!isDecision(input.decision))
      errors.push({ key: 'decision', message: 'Select the Ombudsman’s decision' });
    dateRule(errors, 'decidedOn', input.decidedOn, 'the date of the decision', {
      required: true,
      notAfter: today,
      notBefore: received,
    });
  }
  if (step === 'remedy') {
    if (input.remedy === '') errors.push({ key: 'remedy', message: 'Enter the remedy agreed' });
    if (input.remedy.length > 5000)
      errors.push({ key: 'remedy', message: 'The remedy must be 5,000 characters or fewer' });
    dateRule(errors, 'remedyDueOn', input.remedyDueOn, 'the date the remedy is due', {
      required: true,
      notBefore: received,
    });
  }
  if (step === 'remedy-done')
    dateRule(errors, 'remedyDoneOn', input.remedyDoneOn, 'the date the remedy was done', {
      required: true,
      notAfter: today,
      notBefore: received,
    });
  if (step === 'close')
    dateRule(errors, 'closedOn', input.closedOn, 'the date the case closed', {
      required: true,
      notAfter: today,
      notBefore: received,
    });
  return errors;
}

// A response or remedy past the date the Ombudsman set.
export function overdue(dueOn: string | null, doneOn: string | null, today: string): boolean {
  return dueOn !== null && (doneOn ?? today) > dueOn;
}
