import { emailTo } from '../../../platform/notify/email-text.ts';
import type { EmailMessage } from '../../../platform/notify/mailer.ts';
import type { GiftOffer } from '../offer.ts';

type Recipient = { email: string; name: string };

export function queryEmail(
  to: Recipient,
  offer: GiftOffer,
  askedBy: string,
  question: string,
  link: string,
): EmailMessage {
  return emailTo(to, `A question about your gifts and hospitality entry ${offer.reference}`, [
    `${askedBy} is reviewing the gifts and hospitality register and has a question about ${offer.reference}:`,
    question,
    `Answer it here: ${link}`,
  ]);
}

export function reviewReminderEmail(
  to: Recipient,
  register: string,
  period: string,
  due: string,
  link: string,
): EmailMessage {
  return emailTo(to, `Overdue: review the gifts and hospitality register for ${period}`, [
    `The gifts and hospitality register for ${register}, ${period}, was due for your review and sign-off by ${due}.`,
    `Review and sign it off here: ${link}`,
  ]);
}
