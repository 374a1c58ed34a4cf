// The letters the council sends, and the placeholders each has (its default wording is in
// wording.ts). A council may change the subject and body of any of them; the text is filled by
// plain substitution of ((placeholder)) values, never evaluated, because councils edit it.
//
// Sources: the Ombudsmen's Complaint Handling Code (acknowledgement, extension notice with the
// Ombudsman's details, stage responses, escalation, refusal with the right to go to the
// Ombudsman), 003 Corporate Complaints Policy §5 and §8.1 (the Ombudsmen's addresses), and the
// 003 Procedure for Managing Vexatious Customers §4.2 (warning), §4.4 (final warning and single
// point of contact), §4.5 and §5 (vexatious decision and restrictions), §4.6 (reviews).

export const letterKinds = [
  'acknowledgement',
  'extension',
  'stage-1-response',
  'stage-2-response',
  'single-stage-response',
  'refusal',
  'escalation-acknowledgement',
  'warning',
  'final-warning',
  'vexatious',
  'restriction-review',
  'review-request-answer',
] as const;

export type LetterKind = (typeof letterKinds)[number];

export function isLetterKind(value: string): value is LetterKind {
  return (letterKinds as readonly string[]).includes(value);
}

export const kindNames: Record<LetterKind, string> = {
  acknowledgement: 'Acknowledgement',
  extension: 'Extension notice',
  'stage-1-response': 'Stage 1 response',
  'stage-2-response': 'Stage 2 response (final)',
  'single-stage-response': 'Response (single-stage, final)',
  refusal: 'Complaint not accepted',
  'escalation-acknowledgement': 'Stage 2 acknowledgement',
  warning: 'Behaviour warning',
  'final-warning': 'Final warning (pre-vexatious)',
  vexatious: 'Vexatious decision and restrictions',
  'restriction-review': 'Restriction review outcome',
  'review-request-answer': 'Answer to a request for review',
};

/** Letters about a customer's behaviour rather than about one complaint. */
export const behaviourKinds: readonly LetterKind[] = [
  'warning',
  'final-warning',
  'vexatious',
  'restriction-review',
  'review-request-answer',
];

type Placeholder = {
  name: string;
  description: string;
  example: string;
  /** 'letters' when the letters service fills it; 'caller' when whoever sends the letter must. */
  filledBy: 'letters' | 'caller';
};

const p = (
  name: string,
  description: string,
  example: string,
  filledBy: Placeholder['filledBy'] = 'caller',
) => ({
  name,
  description,
  example,
  filledBy,
});

const common: Placeholder[] = [
  p('name', 'the name of the person the letter is to', 'Ms Amira Shah', 'letters'),
  p('date', 'the date the letter is sent', '23 November 2026', 'letters'),
  p('council', 'the council’s name', 'Demo City Council', 'letters'),
  p('sender', 'the name of the officer sending the letter', 'Lucy Adeyemi', 'letters'),
  p(
    'ombudsman',
    'the Ombudsman’s name, address, phone and website (the Housing Ombudsman for housing matters)',
    'Local Government and Social Care Ombudsman…',
    'letters',
  ),
];

const aboutComplaint: Placeholder[] = [
  p('reference', 'the complaint reference', 'CMP-2026-0113', 'letters'),
  p('service', 'the service complained about', 'Planning and Building Control', 'letters'),
];

const respondBy = p('respondBy', 'the date the response is due', '7 December 2026');
const outcome = p(
  'outcome',
  'the outcome in words: upheld, partially upheld or not upheld',
  'partially upheld',
);
const findings = p('findings', 'what the investigation found', 'Your application was registered late…');
const remedies = p(
  'remedies',
  'what the council will do to put things right, one per line, or a sentence saying nothing further is needed',
  '- An apology\n- Your fee of £120 refunded by 14 December 2026',
);
const behaviour = p(
  'behaviour',
  'the behaviour and why it is not acceptable',
  'Since 2 October you have phoned…',
);
const restrictions = p(
  'restrictions',
  'the restrictions that apply, one per line, each with its scope and start date',
  '- No phone calls, whole council, from 23 November 2026',
);
const contact = p(
  'contact',
  'the single point of contact: name and how to reach them',
  'Lucy Adeyemi, Complaints Manager, lucy.adeyemi@demo.probity.test',
);
const decision = p(
  'decision',
  'what was decided, completing "we have decided to …" (see reviewDecisionWords)',
  'keep the restrictions as they are',
);
const reasons = p('reasons', 'why the decision was made', 'You have continued to phone…');
const nextReview = p(
  'nextReview',
  'when the restrictions will next be reviewed, or a sentence saying none remain',
  'We will review them again by 23 March 2027.',
);

const specific: Record<LetterKind, Placeholder[]> = {
  acknowledgement: [
    p('summary', 'what the council understands the complaint to be about', 'The delay in…'),
    respondBy,
  ],
  extension: [
    p('previousDate', 'the date the response was due', '7 December 2026'),
    p('newDate', 'the new date the response is due', '21 December 2026'),
    p('reason', 'why more time is needed', 'We are waiting for records from…'),
  ],
  'stage-1-response': [
    outcome,
    findings,
    remedies,
    p('escalateBy', 'the date by which the person should ask for stage 2', '21 January 2027'),
    p('escalateHow', 'how to ask for stage 2: the link to the progress page, email or address', 'https://…'),
  ],
  'stage-2-response': [outcome, findings, remedies],
  'single-stage-response': [outcome, findings, remedies],
  refusal: [
    p('reason', 'why the complaint is not being taken forward', 'This is a first request for a service…'),
    p(
      'instead',
      'where the person can go instead (a link or words), or a sentence saying there is nowhere else',
      'https://…',
    ),
  ],
  'escalation-acknowledgement': [respondBy],
  warning: [behaviour],
  'final-warning': [behaviour, contact],
  vexatious: [
    behaviour,
    restrictions,
    contact,
    p('reviewOn', 'the date the decision will be reviewed', '23 March 2027'),
  ],
  'restriction-review': [decision, reasons, restrictions, nextReview],
  'review-request-answer': [
    p('requestedOn', 'the date the person asked for the review', '10 November 2026'),
    decision,
    reasons,
    restrictions,
    nextReview,
  ],
};

export function placeholdersFor(kind: LetterKind): Placeholder[] {
  return [...common, ...(behaviourKinds.includes(kind) ? [] : aboutComplaint), ...specific[kind]];
}

/** The values a caller of letters.write must give for the kind. */
export function callerValues(kind: LetterKind): string[] {
  return placeholdersFor(kind)
    .filter((placeholder) => placeholder.filledBy === 'caller')
    .map((placeholder) => placeholder.name);
}

// What an edited template may not lose: what the Code or the 003 procedure says the letter tells.
const required: Record<LetterKind, string[]> = {
  acknowledgement: ['respondBy'],
  extension: ['newDate', 'reason', 'ombudsman'],
  'stage-1-response': ['outcome', 'findings', 'remedies', 'escalateBy', 'escalateHow'],
  'stage-2-response': ['outcome', 'findings', 'remedies', 'ombudsman'],
  'single-stage-response': ['outcome', 'findings', 'remedies', 'ombudsman'],
  refusal: ['reason', 'ombudsman'],
  'escalation-acknowledgement': ['respondBy'],
  warning: ['behaviour'],
  'final-warning': ['behaviour', 'contact'],
  vexatious: ['restrictions', 'reviewOn', 'contact'],
  'restriction-review': ['decision', 'restrictions'],
  'review-request-answer': ['decision', 'restrictions'],
};

export function requiredPlaceholders(kind: LetterKind): string[] {
  return required[kind];
}

// What a change to a written letter must keep as it was written: the dates and links the records
// hold, the single point of contact and the Ombudsman's details (the Code). The rest of the wording
// (findings, reasons, behaviour) the officer may correct.
const factual = new Set([
  'respondBy',
  'newDate',
  'escalateBy',
  'escalateHow',
  'reviewOn',
  'contact',
  'ombudsman',
]);

export function keptAsWritten(kind: LetterKind): string[] {
  return required[kind].filter((name) => factual.has(name));
}

export function exampleValues(kind: LetterKind): Record<string, string> {
  return Object.fromEntries(
    placeholdersFor(kind).map((placeholder) => [placeholder.name, placeholder.example]),
  );
}

// 003 §8.1, with the websites the Code asks for.
export function ombudsmanDetails(housing: boolean): string {
  return housing
    ? [
        'Housing Ombudsman Service',
        'Exchange Tower, Harbour Exchange Square, London, E14 9GE',
        'Telephone: 0300 111 3000',
        'Email: info@housing-ombudsman.org.uk',
        'Website: www.housing-ombudsman.org.uk',
      ].join('\n')
    : [
        'Local Government and Social Care Ombudsman',
        'PO Box 4771, Coventry, CV4 0EH',
        'Telephone: 0300 061 0614',
        'Website: www.lgo.org.uk',
      ].join('\n');
}

// A letter's wording: the council's, or the default.
export type LetterTemplate = { subject: string; body: string };
