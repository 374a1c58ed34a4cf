import { dayMonthYear } from '../../../platform/calendar/date-text.ts';
import type { EmailMessage } from '../../../platform/notify/mailer.ts';

type Recipient = { email: string; name: string };
type Asked = { campaignName: string; dueOn: string; link: string };

const whatToDo = (link: string) => [
  'Check the interests you have declared. Then either confirm they are complete and up to date, declare anything missing or end what no longer applies, or, if you have nothing to declare, make a nil return.',
  '',
  `Make your declaration here: ${link}`,
];

export function campaignInvitationEmail(to: Recipient, asked: Asked): EmailMessage {
  return {
    to: to.email,
    subject: `Your annual declaration of interests: ${asked.campaignName}, due by ${dayMonthYear(asked.dueOn)}`,
    text: [
      `Dear ${to.name},`,
      '',
      `As part of the annual appraisal, every member of staff declares their interests once a year. Please make your declaration for ${asked.campaignName} by ${dayMonthYear(asked.dueOn)}.`,
      '',
      ...whatToDo(asked.link),
    ].join('\n'),
  };
}

export function campaignReminderEmail(to: Recipient, asked: Asked, today: string): EmailMessage {
  const overdue = today > asked.dueOn;
  return {
    to: to.email,
    subject: `${overdue ? 'Overdue' : 'Reminder'}: your annual declaration of interests, ${asked.campaignName}`,
    text: [
      `Dear ${to.name},`,
      '',
      overdue
        ? `Your annual declaration for ${asked.campaignName} was due by ${dayMonthYear(asked.dueOn)} and we have not yet had it.`
        : `We have not yet had your annual declaration for ${asked.campaignName}. It is due by ${dayMonthYear(asked.dueOn)}.`,
      '',
      ...whatToDo(asked.link),
    ].join('\n'),
  };
}
