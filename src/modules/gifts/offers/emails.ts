import { dayMonthYear } from '../../../platform/calendar/date-text.ts';
import { emailTo } from '../../../platform/notify/email-text.ts';
import type { EmailMessage } from '../../../platform/notify/mailer.ts';
import type { GiftOffer } from '../offer.ts';
import { formatPence } from '../rules.ts';

type Recipient = { email: string; name: string };

const offeror = (offer: GiftOffer) => offer.offerorOrganisation || offer.offerorPerson;

// One line that says which offer a message is about.
const summary = (offer: GiftOffer) =>
  `${offer.reference}: ${offer.kind} from ${offeror(offer)}, “${offer.description}”, about ${formatPence(offer.valuePence)}, offered to ${offer.recipientName} on ${dayMonthYear(offer.offeredOn)}${offer.eventOn ? `, for an event on ${dayMonthYear(offer.eventOn)}` : ''}.`;

export function approvalRequestEmail(to: Recipient, offer: GiftOffer, link: string): EmailMessage {
  return emailTo(
    to,
    `Approval needed: ${offer.kind} offered to ${offer.recipientName} (${offer.reference})`,
    [
      `${offer.recipientName} would like to accept an offer that needs your approval before they do.`,
      summary(offer),
      `Approve or refuse it here: ${link}`,
    ],
  );
}

export function approvalDecisionEmail(to: Recipient, offer: GiftOffer, link: string): EmailMessage {
  const approved = offer.approvalDecision === 'approved';
  return emailTo(to, `${approved ? 'Approved' : 'Not approved'}: ${offer.reference}`, [
    `${offer.approvalDecidedByName} has ${approved ? 'approved' : 'refused'} your request to accept this offer:`,
    summary(offer),
    offer.approvalComment && `Their comment: ${offer.approvalComment}`,
    approved
      ? 'You may now accept it. The register shows it as accepted.'
      : 'Please decline it courteously. The register shows it as declined.',
    `See the entry: ${link}`,
  ]);
}
