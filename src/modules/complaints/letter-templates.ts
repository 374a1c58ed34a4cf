// The letters the complaints team sends, and the default wording of each. A council may change
// the subject and body of any of them; the text is filled by plain substitution of
// ((placeholder)) values, never evaluated, because councils edit it.
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

export type LetterTemplate = { subject: string; body: string };

const placeholderPattern = /\(\(([^()]*)\)\)/g;

/** The placeholders a text uses, each once, as written (trimmed). */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(placeholderPattern)].map((match) => (match[1] ?? '').trim()))];
}

export class LetterTemplateError extends Error {
  readonly unknown: string[];
  readonly missing: string[];
  constructor(unknown: string[], missing: string[]) {
    super(
      [
        unknown.length ? `unknown placeholders: ${unknown.map((name) => `((${name}))`).join(', ')}` : '',
        missing.length ? `no value for: ${missing.map((name) => `((${name}))`).join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('; '),
    );
    this.unknown = unknown;
    this.missing = missing;
  }
}

/** The letter with every placeholder replaced by its value, in one pass (a value is never read
 * for placeholders). Throws when the template uses a placeholder the kind does not have, or one
 * with no value. */
export function fillTemplate(
  kind: LetterKind,
  template: LetterTemplate,
  values: Record<string, string>,
): LetterTemplate {
  const allowed = new Set(placeholdersFor(kind).map((placeholder) => placeholder.name));
  const used = placeholdersIn(`${template.subject}\n${template.body}`);
  const unknown = used.filter((name) => !allowed.has(name));
  const missing = used.filter((name) => allowed.has(name) && typeof values[name] !== 'string');
  if (unknown.length || missing.length) throw new LetterTemplateError(unknown, missing);
  const fill = (text: string) =>
    text.replace(placeholderPattern, (_, name: string) => values[name.trim()] ?? '');
  // A subject is one line.
  return {
    subject: fill(template.subject)
      .replace(/\s*\n\s*/g, ' ')
      .trim(),
    body: fill(template.body),
  };
}

export type TemplateProblem = { field: 'subject' | 'body'; message: string };

/** What is wrong with a council's edited template, in words for the error summary. */
export function checkTemplate(kind: LetterKind, template: LetterTemplate): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const allowed = new Set(placeholdersFor(kind).map((placeholder) => placeholder.name));
  const subject = template.subject.trim();
  const body = template.body.trim();
  if (!subject) problems.push({ field: 'subject', message: 'Enter the subject' });
  else if (subject.length > 200)
    problems.push({ field: 'subject', message: 'Subject must be 200 characters or fewer' });
  else if (/\n/.test(subject)) problems.push({ field: 'subject', message: 'Subject must be one line' });
  if (!body) problems.push({ field: 'body', message: 'Enter the letter' });
  else if (body.length > 20000)
    problems.push({ field: 'body', message: 'Letter must be 20,000 characters or fewer' });
  for (const field of ['subject', 'body'] as const) {
    const unknown = placeholdersIn(template[field]).filter((name) => !allowed.has(name));
    if (unknown.length) {
      const names = unknown.map((name) => `((${name}))`).join(', ');
      problems.push({
        field,
        message: `${field === 'subject' ? 'Subject' : 'Letter'} uses ${unknown.length === 1 ? 'a placeholder' : 'placeholders'} this letter does not have: ${names}`,
      });
    }
  }
  if (body) {
    const used = new Set(placeholdersIn(`${template.subject}\n${template.body}`));
    const lost = required[kind].filter((name) => !used.has(name));
    if (lost.length) {
      problems.push({
        field: 'body',
        message: `Letter must include ${lost.map((name) => `((${name}))`).join(', ')}: ${lost
          .map((name) => placeholdersFor(kind).find((placeholder) => placeholder.name === name)?.description)
          .join('; ')}`,
      });
    }
  }
  return problems;
}

// The default wording. Plain text: a blank line between paragraphs; "- " starts a list item.
const signOff = 'Yours sincerely\n\n((sender))\nComplaints Team\n((council))';
// Paragraphs that more than one letter says word for word.
const findingsAndDecision = `What we found
((findings))

Our decision
Your complaint is ((outcome)).

What we will do
((remedies))`;
const finalResponseEnd = `If you are still not satisfied
This is the end of the council’s complaints process. If you remain dissatisfied, you can ask the Ombudsman to look into your complaint. The Ombudsman is independent and free to use:

((ombudsman))`;
const reviewOutcome = `Why
((reasons))

Restrictions that now apply
((restrictions))

((nextReview))

If you think we have treated you unfairly, you can contact the Ombudsman:

((ombudsman))`;

const defaults: Record<LetterKind, LetterTemplate> = {
  acknowledgement: {
    subject: 'Your complaint ((reference)): we have received it',
    body: `Dear ((name))

Thank you for your complaint about ((service)), which we received and have logged with the reference ((reference)). Please quote this reference if you contact us about it.

As we understand it, your complaint is about:

((summary))

If we have misunderstood anything, or there is something you would like to add, please tell us as soon as you can.

What happens next
An officer from our complaints team who is independent of the service will look into your complaint. They will ask the service for its account and may contact you for more details.

We will send you our response by ((respondBy)). If we need more time, we will write to tell you why and the new date.

If you need us to make any adjustments so that you can take part in the complaints process, please let us know.

${signOff}`,
  },
  extension: {
    subject: 'Your complaint ((reference)): we need more time to respond',
    body: `Dear ((name))

We told you we would respond to your complaint ((reference)) by ((previousDate)). I am sorry, but we need more time to give you a full and fair response.

Why we need more time
((reason))

We will now send you our response by ((newDate)).

If you are unhappy about this extension, you can contact the Ombudsman, who is independent of the council and free to use:

((ombudsman))

${signOff}`,
  },
  'stage-1-response': {
    subject: 'Your complaint ((reference)): our stage 1 response',
    body: `Dear ((name))

Thank you for your complaint about ((service)). We have now looked into it, and this letter is our stage 1 response.

${findingsAndDecision}

If you are not satisfied
If you are not satisfied with this response, you can ask us to review your complaint at stage 2. You do not need to give a reason. Please ask by ((escalateBy)):

((escalateHow))

A senior officer who has not been involved in your complaint so far will review it and send you our final response.

${signOff}`,
  },
  'stage-2-response': {
    subject: 'Your complaint ((reference)): our final response',
    body: `Dear ((name))

You asked us to review your complaint ((reference)) about ((service)) at stage 2. This letter is the council’s final response.

${findingsAndDecision}

${finalResponseEnd}

${signOff}`,
  },
  'single-stage-response': {
    subject: 'Your complaint ((reference)): our response',
    body: `Dear ((name))

Thank you for your complaint ((reference)) about ((service)). We have now investigated it, and this letter is the council’s final response.

${findingsAndDecision}

${finalResponseEnd}

${signOff}`,
  },
  refusal: {
    subject: 'Your complaint ((reference)): why we cannot take it forward as a complaint',
    body: `Dear ((name))

Thank you for contacting us about ((service)). We have considered whether we can take this forward as a formal complaint, and I am sorry to tell you that we cannot.

Why
((reason))

What you can do instead
((instead))

If you disagree with our decision, you can contact the Ombudsman, who is independent of the council and free to use:

((ombudsman))

${signOff}`,
  },
  'escalation-acknowledgement': {
    subject: 'Your complaint ((reference)): your request for a stage 2 review',
    body: `Dear ((name))

We have received your request to take your complaint ((reference)) to stage 2.

An officer who was not involved in the stage 1 response will review your complaint and how we handled it. They may contact you to understand what you are still unhappy about.

We will send you our final response by ((respondBy)). If we need more time, we will write to tell you why and the new date.

${signOff}`,
  },
  warning: {
    subject: 'Your contact with ((council))',
    body: `Dear ((name))

I am writing about the way you have been contacting the council.

((behaviour))

We want to help you, and we will continue to deal with any genuine request or complaint you make. But this behaviour is affecting our ability to do so, and it is not acceptable.

Please accept this letter as a warning. If it continues, we may treat your contact as unreasonable and limit how you can contact us, under our procedure for managing unreasonable and vexatious behaviour.

If there is a reason, such as a disability or health condition, that makes it harder for you to contact us in the usual way, please tell us so that we can consider any adjustments you need.

${signOff}`,
  },
  'final-warning': {
    subject: 'Your contact with ((council)): final warning',
    body: `Dear ((name))

We wrote to you before about the way you have been contacting the council. I am sorry to say that it has continued.

((behaviour))

This is a final warning. From now on, please contact the council only through one named officer:

((contact))

If this behaviour continues, we may decide that your contact is vexatious and restrict it. That could mean, for example:
- not accepting phone calls from you or from anyone calling for you
- ending calls if the behaviour happens during a call
- not holding meetings with you
- limiting your contact to one named officer
- limiting how and how often you can write to us

We will still consider any new complaint on its merits. If there is a reason, such as a disability or health condition, that makes it harder for you to contact us in the usual way, please tell us so that we can consider any adjustments you need.

If you think we have treated you unfairly, you can contact the Ombudsman:

((ombudsman))

${signOff}`,
  },
  vexatious: {
    subject: 'Your contact with ((council)): restrictions',
    body: `Dear ((name))

We have warned you about the way you have been contacting the council. As it has continued, the Complaints Manager has decided to treat your contact as vexatious.

Why
((behaviour))

What this means
From now on, the following restrictions apply to your contact with the council:
((restrictions))

You can still contact us through:
((contact))

We will still read everything you send us, and any new complaint will be considered on its merits.

Review
We will review this decision by ((reviewOn)). You can ask us to review it sooner, for example if your circumstances change or you have new information: write to the contact above saying why.

If you think we have treated you unfairly, you can contact the Ombudsman:

((ombudsman))

${signOff}`,
  },
  'restriction-review': {
    subject: 'Your contact with ((council)): review of restrictions',
    body: `Dear ((name))

We have reviewed the restrictions on your contact with the council, and we have decided to ((decision)).

${reviewOutcome}

${signOff}`,
  },
  'review-request-answer': {
    subject: 'Your contact with ((council)): your request for a review',
    body: `Dear ((name))

On ((requestedOn)) you asked us to review the restrictions on your contact with the council. We have now done so, and we have decided to ((decision)).

${reviewOutcome}

${signOff}`,
  },
};

/** The words for a stage outcome, as ((outcome)) is written: "Your complaint is ((outcome))." */
export const outcomeWords = {
  upheld: 'upheld',
  'partially-upheld': 'partially upheld',
  'not-upheld': 'not upheld',
} as const;

/** The words for a review decision, as ((decision)) is written: "we have decided to ((decision))". */
export const reviewDecisionWords = {
  keep: 'keep the restrictions as they are',
  change: 'change the restrictions',
  lift: 'lift the restrictions',
} as const;

export function defaultTemplate(kind: LetterKind): LetterTemplate {
  return defaults[kind];
}

type LetterParagraph = { heading: string | null; lines: string[] };

/** A letter's text as printed: paragraphs (split at blank lines) of lines. A paragraph whose
 * first line is short, has no closing punctuation and is followed by more lines starts with
 * that line as a heading ("What we found"), except the last paragraph, the signature. */
export function paragraphsOf(body: string): LetterParagraph[] {
  const paragraphs = body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.replace(/^\s*\n|\s+$/g, ''))
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph) => paragraph.split('\n'));
  return paragraphs.map((lines, index) => {
    const [first = '', ...rest] = lines;
    const heading =
      index < paragraphs.length - 1 &&
      rest.length > 0 &&
      first.trim().length <= 60 &&
      !/[.,:;!?)\]’"”]$/.test(first.trim());
    return heading ? { heading: first.trim(), lines: rest } : { heading: null, lines };
  });
}
