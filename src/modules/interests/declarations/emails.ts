import { dayMonthYear } from '../../../platform/calendar/date-text.ts';
import type { EmailMessage } from '../../../platform/notify/mailer.ts';
import type { Declaration } from './repository.ts';
import { kindRules, outcomes, referralTargets } from './rules.ts';

const about = (declaration: Declaration) =>
  `${declaration.reference}: ${kindRules[declaration.kind].name.toLowerCase()}, “${declaration.summary}”, declared by ${declaration.personName} (${declaration.jobTitle}${declaration.serviceName ? `, ${declaration.serviceName}` : ''}).`;

export function declarationEmail(
  to: { email: string; name: string },
  declaration: Declaration,
  link: string,
): EmailMessage {
  const changed = declaration.version > 1;
  return {
    to: to.email,
    subject: `Declaration of interest to review: ${declaration.personName} (${declaration.reference})`,
    text: [
      `Dear ${to.name},`,
      '',
      `${declaration.personName} has ${changed ? 'changed a' : 'made a new'} declaration of interest for you to review.`,
      '',
      about(declaration),
      '',
      `Record the management action here: ${link}`,
    ].join('\n'),
  };
}

export function reviewOutcomeEmail(
  to: { email: string; name: string },
  declaration: Declaration,
  link: string,
): EmailMessage {
  const outcome = declaration.outcome ? outcomes[declaration.outcome] : '';
  return {
    to: to.email,
    subject: `Your declaration ${declaration.reference} has been reviewed: ${outcome}`,
    text: [
      `Dear ${to.name},`,
      '',
      `${declaration.reviewedByName} has reviewed your declaration “${declaration.summary}”.`,
      '',
      `Outcome: ${outcome}${declaration.referredTo ? `, to ${referralTargets[declaration.referredTo]}` : ''}.`,
      ...(declaration.managementAction ? ['', `What happens now: ${declaration.managementAction}`] : []),
      ...(declaration.nextReviewOn
        ? ['', `This will be reviewed again by ${dayMonthYear(declaration.nextReviewOn)}.`]
        : []),
      '',
      `See it here: ${link}`,
    ].join('\n'),
  };
}

// Written notice to someone the code says must be told (001 §47, 003 Appendix V §7.5).
export function notificationEmail(
  to: { email: string; name: string },
  declaration: Declaration,
  why: string,
): EmailMessage {
  return {
    to: to.email,
    subject: `Declaration of interest: ${declaration.personName} (${declaration.reference})`,
    text: [
      `Dear ${to.name},`,
      '',
      `You are being told of this declaration of interest. ${why}.`,
      '',
      about(declaration),
      '',
      'If you need to see it in full, ask HR or the monitoring officer.',
    ].join('\n'),
  };
}
