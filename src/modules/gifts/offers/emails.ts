import type { EmailMessage } from '../../platform/notify/mailer.ts';
import type { GiftOffer } from './repository.ts';
import { formatPence } from './rules.ts';

const offeror = (offer: GiftOffer) => offer.offerorOrganisation || offer.offerorPerson;

const summary = (offer: GiftOffer) =>
  `${offer.reference}: ${offer.kind} from ${offeror(offer)}, “${offer.description}”, about ${formatPence(offer.valuePence)}, offered to ${offer.recipientName} on ${offer.offeredOn}.`;

export function approvalRequestEmail(
  to: { email: string; name: string },
  offer: GiftOffer,
  link: string,
): EmailMessage {
  return {
    to: to.email,
    subject: `Approval needed: ${offer.kind} offered to ${offer.recipientName} (${offer.reference})`,
    text: [
      `Dear ${to.name},`,
      '',
      `${offer.recipientName} would like to accept an offer that needs your approval before they do.`,
      '',
      summary(offer),
      '',
      `Approve or refuse it here: ${link}`,
    ].join('\n'),
  };
}

export function approvalDecisionEmail(
  to: { email: string; name: string },
  offer: GiftOffer,
  link: string,
): EmailMessage {
  const approved = offer.approvalDecision === 'approved';
  return {
    to: to.email,
    subject: `${approved ? 'Approved' : 'Not approved'}: ${offer.reference}`,
    text: [
      `Dear ${to.name},`,
      '',
      `${offer.approvalDecidedByName} has ${approved ? 'approved' : 'refused'} your request to accept this offer:`,
      '',
      summary(offer),
      ...(offer.approvalComment ? ['', `Their comment: ${offer.approvalComment}`] : []),
      '',
      approved
        ? 'You may now accept it. The register shows it as accepted.'
        : 'Please decline it courteously. The register shows it as declined.',
      '',
      `See the entry: ${link}`,
    ].join('\n'),
  };
}

export function queryEmail(
  to: { email: string; name: string },
  offer: GiftOffer,
  askedBy: string,
  question: string,
  link: string,
): EmailMessage {
  return {
    to: to.email,
    subject: `A question about your gifts and hospitality entry ${offer.reference}`,
    text: [
      `Dear ${to.name},`,
      '',
      `${askedBy} is reviewing the gifts and hospitality register and has a question about ${offer.reference}:`,
      '',
      question,
      '',
      `Answer it here: ${link}`,
    ].join('\n'),
  };
}

export function reviewReminderEmail(
  to: { email: string; name: string },
  register: string,
  period: string,
  due: string,
  link: string,
): EmailMessage {
  return {
    to: to.email,
    subject: `Overdue: review the gifts and hospitality register for ${period}`,
    text: [
      `Dear ${to.name},`,
      '',
      `The gifts and hospitality register for ${register}, ${period}, was due for your review and sign-off by ${due}.`,
      '',
      `Review and sign it off here: ${link}`,
    ].join('\n'),
  };
}
