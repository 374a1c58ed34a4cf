// How the complaint forms show their choices, and the check-your-answers page a complaint's facts.
import { weekdayDayMonthYear } from '../../../platform/calendar/date-text.ts';
import type { ComplaintFacts } from './input.ts';
import { contactPreferences } from './rules.ts';

// Radios for a set of labelled values, the one chosen checked.
export function radioItems(labels: Readonly<Record<string, string>>, chosen: string | undefined) {
  return Object.entries(labels).map(([value, text]) => ({ value, text, checked: chosen === value }));
}

// Radios for the service complained about: the council's services, or not known.
export function serviceItems(
  services: readonly { id: string; name: string }[],
  chosen: string | undefined,
  unknownText: string,
) {
  return [
    ...services.map((service) => ({ value: service.id, text: service.name, checked: chosen === service.id })),
    { divider: 'or' },
    { value: 'unknown', text: unknownText, checked: chosen === 'unknown' },
  ];
}

type Row = { key: { text: string }; value: { text: string } | { html: string }; actions?: unknown };

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

// Text someone typed over several lines, escaped, its line breaks kept.
const lines = (value: string) => ({ html: escapeHtml(value).replaceAll('\n', '<br>') });

function row(label: string, value: { text: string } | { html: string }, href: string | null): Row {
  return {
    key: { text: label },
    value,
    ...(href
      ? { actions: { items: [{ href, text: 'Change', visuallyHiddenText: label.toLowerCase() }] } }
      : {}),
  };
}

export function checkSections(
  facts: ComplaintFacts,
  services: readonly { id: string; name: string }[],
  files: { authority: string | null; evidence: readonly string[] },
  changeHref: ((page: string) => string) | null,
) {
  const change = (page: string) => (changeHref ? changeHref(page) : null);
  const who =
    facts.forWhom === 'self'
      ? [row('Who the complaint is for', { text: 'Myself' }, change('who'))]
      : [
          row('Who the complaint is for', { text: facts.theirName }, change('who')),
          row('How you know them', { text: facts.relationship }, change('who')),
          row('Their written permission', { text: files.authority ?? 'Not sent' }, change('authority')),
        ];
  const service = services.find((candidate) => candidate.id === facts.serviceId)?.name ?? 'I do not know';
  return [
    { heading: 'About you', rows: [...who] },
    {
      heading: 'Your contact details',
      rows: [
        row('Name', { text: facts.name }, change('contact')),
        row('Email address', { text: facts.email || 'Not given' }, change('contact')),
        row('Phone number', { text: facts.phone || 'Not given' }, change('contact')),
        row(
          'Postal address',
          facts.address ? lines(facts.address) : { text: 'Not given' },
          change('contact'),
        ),
        row('How to contact you', { text: contactPreferences[facts.preference] }, change('contact')),
      ],
    },
    {
      heading: 'Your complaint',
      rows: [
        row('Service', { text: service }, change('service')),
        row('What happened', lines(facts.whatHappened), change('what-happened')),
        row(
          'When it happened',
          { text: facts.happenedOn ? weekdayDayMonthYear(facts.happenedOn) : 'Not given' },
          change('what-happened'),
        ),
        row(
          'Photos and documents',
          files.evidence.length ? lines(files.evidence.join('\n')) : { text: 'None' },
          change('evidence'),
        ),
        row('What you would like to happen', lines(facts.wantedOutcome), change('outcome')),
        row(
          'Adjustments you need',
          facts.adjustments ? lines(facts.adjustments) : { text: 'None' },
          change('adjustments'),
        ),
      ],
    },
  ];
}
