import { weekdayDayMonthYear } from '../../../platform/calendar/date-text.ts';
import type { EmailMessage } from '../../../platform/notify/mailer.ts';

type ReceivedComplaint = {
  reference: string;
  councilName: string;
  name: string;
  email: string;
  regime: 'complaint-handling-code' | 'single-stage';
  acknowledgeBy: string;
  respondBy: string;
  progressUrl: string;
};

// What happens next and by when, as the confirmation page and the email both say it.
export function whatHappensNext(
  complaint: Pick<ReceivedComplaint, 'regime' | 'acknowledgeBy' | 'respondBy'>,
): string[] {
  const acknowledge = `We will acknowledge your complaint by ${weekdayDayMonthYear(complaint.acknowledgeBy)} at the latest, and tell you how we will deal with it.`;
  const respond =
    complaint.regime === 'single-stage'
      ? `We aim to resolve your complaint by ${weekdayDayMonthYear(complaint.respondBy)}.`
      : `We will send you our response by ${weekdayDayMonthYear(complaint.respondBy)} at the latest. If we need longer, we will write to you with the new date and the reason.`;
  return [
    'First we check that it is a complaint we can look into. If it is something another team or process deals with, we will tell you where it should go.',
    acknowledge,
    respond,
  ];
}

export function complaintReceivedEmail(complaint: ReceivedComplaint): EmailMessage {
  return {
    to: complaint.email,
    subject: `Your complaint to ${complaint.councilName}: ${complaint.reference}`,
    text: [
      `Dear ${complaint.name},`,
      '',
      `Thank you for your complaint. Your reference is ${complaint.reference}. Please quote it if you contact us about your complaint.`,
      '',
      'What happens next',
      '',
      ...whatHappensNext(complaint).flatMap((line) => [line, '']),
      'Check the progress of your complaint',
      '',
      `You can see where your complaint has got to, and the letters we have sent you, with your reference and this email address: ${complaint.progressUrl}`,
      '',
      complaint.councilName,
    ].join('\n'),
  };
}
