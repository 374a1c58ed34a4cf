import type { LetterKind, LetterTemplate } from './kinds.ts';

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
