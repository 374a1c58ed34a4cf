// What the monitoring officer sends about a councillor conduct complaint: letters to the
// complainant (emailed with a PDF) and notices to the councillor complained about, at the points
// the council's arrangements set (003 standards minute 21). Each is a subject and paragraphs
// filled from the complaint; the names and dates are the only variable parts.

export type LetterFacts = {
  council: string;
  reference: string;
  recipient: string;
  councillor: string;
  receivedOn: string;
  monitoringOfficer: string;
  // What the step decided, in words (the reasons as the monitoring officer or panel recorded them).
  outcome: string;
  reasons: string;
};

export const conductLetterKinds = [
  'acknowledgement',
  'not-valid',
  'decision',
  'investigation-outcome',
  'hearing-outcome',
  'subject-notice',
] as const;
export type ConductLetterKind = (typeof conductLetterKinds)[number];

export const conductLetterNames: Record<ConductLetterKind, string> = {
  acknowledgement: 'Acknowledgement',
  'not-valid': 'Complaint not valid',
  decision: 'Decision on the complaint',
  'investigation-outcome': 'Investigation outcome',
  'hearing-outcome': 'Hearing panel decision',
  'subject-notice': 'Notice to the councillor complained about',
};

const signOff = (f: LetterFacts) => [
  `Yours sincerely,\n${f.monitoringOfficer}\nMonitoring Officer, ${f.council}`,
];

const wording: Record<ConductLetterKind, (f: LetterFacts) => { subject: string; paragraphs: string[] }> = {
  acknowledgement: (f) => ({
    subject: `Your complaint about a councillor: ${f.reference}`,
    paragraphs: [
      `Dear ${f.recipient},`,
      `Thank you for your complaint about ${f.councillor}, which we received on ${f.receivedOn}. Your reference is ${f.reference}.`,
      'The Monitoring Officer will first decide whether the complaint can be dealt with under the Members’ Code of Conduct: it must be about a councillor acting as a councillor, not about all the councillors at once nor an operational matter such as a ward issue. They will consult an Independent Person before deciding what happens next, and we will write to you with the decision.',
      ...signOff(f),
    ],
  }),
  'not-valid': (f) => ({
    subject: `Your complaint about a councillor: ${f.reference}`,
    paragraphs: [
      `Dear ${f.recipient},`,
      `The Monitoring Officer has assessed your complaint about ${f.councillor} and cannot deal with it under the Members’ Code of Conduct, because: ${f.outcome}.`,
      f.reasons,
      ...signOff(f),
    ],
  }),
  decision: (f) => ({
    subject: `Decision on your complaint about a councillor: ${f.reference}`,
    paragraphs: [
      `Dear ${f.recipient},`,
      `Having consulted the Independent Person, the Monitoring Officer has decided on your complaint about ${f.councillor}: ${f.outcome}.`,
      f.reasons,
      ...signOff(f),
    ],
  }),
  'investigation-outcome': (f) => ({
    subject: `Investigation of your complaint about a councillor: ${f.reference}`,
    paragraphs: [
      `Dear ${f.recipient},`,
      `The investigation of your complaint about ${f.councillor} has reported: ${f.outcome}.`,
      f.reasons,
      ...signOff(f),
    ],
  }),
  'hearing-outcome': (f) => ({
    subject: `Hearing panel decision on your complaint about a councillor: ${f.reference}`,
    paragraphs: [
      `Dear ${f.recipient},`,
      `The hearing panel has considered your complaint about ${f.councillor}. Its decision: ${f.outcome}.`,
      f.reasons,
      ...signOff(f),
    ],
  }),
  'subject-notice': (f) => ({
    subject: `A complaint about your conduct as a councillor: ${f.reference}`,
    paragraphs: [
      `Dear ${f.recipient},`,
      `This is to tell you, as the council’s arrangements for complaints about councillors provide, about complaint ${f.reference}, received on ${f.receivedOn}: ${f.outcome}.`,
      f.reasons,
      ...signOff(f),
    ],
  }),
};

export function letterWords(kind: ConductLetterKind, facts: LetterFacts): { subject: string; body: string } {
  const { subject, paragraphs } = wording[kind](facts);
  return { subject, body: paragraphs.filter((text) => text.trim() !== '').join('\n\n') };
}
