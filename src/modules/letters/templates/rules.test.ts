import { describe, expect, it } from 'vitest';
import {
  behaviourKinds,
  callerValues,
  exampleValues,
  type LetterKind,
  letterKinds,
  ombudsmanDetails,
  placeholdersFor,
  requiredPlaceholders,
} from './kinds.ts';
import { checkTemplate, fillTemplate, LetterTemplateError, paragraphsOf, placeholdersIn } from './rules.ts';
import { defaultTemplate } from './wording.ts';

describe('default templates', () => {
  it.each(letterKinds)('%s passes its own checks and fills from the example values', (kind) => {
    const template = defaultTemplate(kind);
    expect(checkTemplate(kind, template)).toEqual([]);
    const letter = fillTemplate(kind, template, exampleValues(kind));
    expect(letter.body).not.toMatch(/\(\(/);
    expect(letter.body).toMatch(/^Dear Ms Amira Shah\n/);
    expect(letter.body).toMatch(/Lucy Adeyemi\nComplaints Team\nDemo City Council$/);
  });

  // What each letter must tell the person (Complaint Handling Code; 003 §5, §8.1; vexatious procedure §4-5).
  it.each<[LetterKind, RegExp[]]>([
    ['acknowledgement', [/CMP-2026-0113/, /What happens next/, /by 7 December 2026/]],
    [
      'extension',
      [
        /by 7 December 2026/,
        /now send you our response by 21 December 2026/,
        /Why we need more time/,
        /Ombudsman/,
      ],
    ],
    [
      'stage-1-response',
      [
        /What we found/,
        /Your complaint is partially upheld\./,
        /£120 refunded/,
        /stage 2/,
        /Please ask by 21 January 2027/,
      ],
    ],
    [
      'stage-2-response',
      [/final response/, /Your complaint is partially upheld\./, /What we will do/, /Ombudsman/],
    ],
    ['single-stage-response', [/final response/, /What we found/, /Ombudsman/]],
    ['refusal', [/cannot/, /What you can do instead/, /Ombudsman/]],
    ['escalation-acknowledgement', [/stage 2/, /not involved in the stage 1 response/, /by 7 December 2026/]],
    ['warning', [/warning/, /adjustments/]],
    [
      'final-warning',
      [/final warning/, /lucy\.adeyemi@demo\.probity\.test/, /not accepting phone calls/, /Ombudsman/],
    ],
    [
      'vexatious',
      [/vexatious/, /No phone calls, whole council/, /by 23 March 2027/, /ask us to review it sooner/],
    ],
    ['restriction-review', [/decided to keep the restrictions as they are\./, /23 March 2027/]],
    [
      'review-request-answer',
      [/On 10 November 2026 you asked us to review/, /decided to keep the restrictions/],
    ],
  ])('%s says what it must', (kind, sayings) => {
    const { body } = fillTemplate(kind, defaultTemplate(kind), exampleValues(kind));
    for (const saying of sayings) expect(body).toMatch(saying);
  });

  it.each(letterKinds)(
    '%s can use only the values its callers give and the letters service fills',
    (kind) => {
      const allowed = placeholdersFor(kind).map((placeholder) => placeholder.name);
      const { subject, body } = defaultTemplate(kind);
      for (const name of placeholdersIn(`${subject}\n${body}`)) expect(allowed).toContain(name);
      for (const name of callerValues(kind)) expect(body).toContain(`((${name}))`);
    },
  );

  it('behaviour letters are not about one complaint: no ((reference)) or ((service))', () => {
    for (const kind of behaviourKinds) {
      expect(placeholdersFor(kind).map((placeholder) => placeholder.name)).not.toContain('reference');
    }
  });
});

describe('ombudsmanDetails (003 §8.1)', () => {
  it.each([
    [
      false,
      [
        'Local Government and Social Care Ombudsman',
        'PO Box 4771, Coventry, CV4 0EH',
        '0300 061 0614',
        'www.lgo.org.uk',
      ],
    ],
    [
      true,
      [
        'Housing Ombudsman',
        'Exchange Tower, Harbour Exchange Square, London, E14 9GE',
        '0300 111 3000',
        'info@housing-ombudsman.org.uk',
      ],
    ],
  ])('housing %s', (housing, lines) => {
    for (const line of lines) expect(ombudsmanDetails(housing)).toContain(line);
  });
});

describe('fillTemplate', () => {
  const values = { ...exampleValues('refusal'), reason: 'A ((reason)) and {{ 7*7 }} and <script>x</script>' };

  it('puts values in as they are, once: a value is never read for placeholders or run', () => {
    const { body } = fillTemplate(
      'refusal',
      { subject: 'About ((reference))', body: 'Why: ((reason))' },
      values,
    );
    expect(body).toBe('Why: A ((reason)) and {{ 7*7 }} and <script>x</script>');
  });

  it('allows space inside the brackets', () => {
    expect(fillTemplate('refusal', { subject: '(( reference ))', body: 'x' }, values).subject).toBe(
      'CMP-2026-0113',
    );
  });

  it('makes the subject one line', () => {
    const filled = fillTemplate(
      'refusal',
      { subject: 'Re ((reason))', body: 'x' },
      { ...values, reason: 'a\nb' },
    );
    expect(filled.subject).toBe('Re a b');
  });

  it.each<[string, string, string[], string[]]>([
    [
      'a placeholder the kind does not have',
      'Dear ((name)), ((findings)) ((nonsense))',
      ['findings', 'nonsense'],
      [],
    ],
    ['a value not given', 'Dear ((name)), ((instead))', [], ['instead']],
  ])('refuses %s, naming it', (_, body, unknown, missing) => {
    const given = { ...values } as Record<string, string>;
    delete given.instead;
    try {
      fillTemplate('refusal', { subject: 'x', body }, given);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(LetterTemplateError);
      expect((error as LetterTemplateError).unknown).toEqual(unknown);
      expect((error as LetterTemplateError).missing).toEqual(missing);
      for (const name of [...unknown, ...missing]) expect((error as Error).message).toContain(`((${name}))`);
    }
  });
});

describe('checkTemplate (a council’s edited template)', () => {
  const refusal = defaultTemplate('refusal');
  it.each<[string, LetterKind, { subject: string; body: string }, string[]]>([
    ['the default', 'refusal', refusal, []],
    ['no subject', 'refusal', { ...refusal, subject: '  ' }, ['subject: Enter the subject']],
    [
      'a subject over 200 characters',
      'refusal',
      { ...refusal, subject: 'x'.repeat(201) },
      ['subject: Subject must be 200 characters or fewer'],
    ],
    ['no body', 'refusal', { ...refusal, body: '' }, ['body: Enter the letter']],
    [
      'an unknown placeholder in the subject',
      'refusal',
      { ...refusal, subject: 'Re ((ref))' },
      ['subject: Subject uses a placeholder this letter does not have: ((ref))'],
    ],
    [
      'a refusal without the Ombudsman',
      'refusal',
      { ...refusal, body: refusal.body.replace('((ombudsman))', 'the Ombudsman') },
      [
        'body: Letter must include ((ombudsman)): the Ombudsman’s name, address, phone and website (the Housing Ombudsman for housing matters)',
      ],
    ],
    [
      'an extension without the new date or the reason',
      'extension',
      { subject: 'x', body: 'Dear ((name)) ((ombudsman))' },
      [
        'body: Letter must include ((newDate)), ((reason)): the new date the response is due; why more time is needed',
      ],
    ],
    [
      'a stage 1 response using a stage 2 placeholder',
      'stage-1-response',
      {
        ...defaultTemplate('stage-1-response'),
        body: `${defaultTemplate('stage-1-response').body} ((requestedOn))`,
      },
      ['body: Letter uses a placeholder this letter does not have: ((requestedOn))'],
    ],
    [
      'a warning letter using ((reference))',
      'warning',
      { ...defaultTemplate('warning'), body: `${defaultTemplate('warning').body} ((reference))` },
      ['body: Letter uses a placeholder this letter does not have: ((reference))'],
    ],
  ])('%s', (_, kind, template, problems) => {
    expect(checkTemplate(kind, template).map((problem) => `${problem.field}: ${problem.message}`)).toEqual(
      problems,
    );
  });

  it.each(letterKinds)('%s requires only placeholders it has', (kind) => {
    const names = placeholdersFor(kind).map((placeholder) => placeholder.name);
    for (const name of requiredPlaceholders(kind)) expect(names).toContain(name);
  });
});

describe('paragraphsOf (a letter as printed)', () => {
  it.each<[string, string, { heading: string | null; lines: string[] }[]]>([
    [
      'paragraphs at blank lines',
      'Dear Ms Shah\n\nThank you.\r\n\r\nYours',
      [
        { heading: null, lines: ['Dear Ms Shah'] },
        { heading: null, lines: ['Thank you.'] },
        { heading: null, lines: ['Yours'] },
      ],
    ],
    [
      'a short first line followed by more is a heading',
      'What we found\nIt was late.\n\nEnd',
      [
        { heading: 'What we found', lines: ['It was late.'] },
        { heading: null, lines: ['End'] },
      ],
    ],
    [
      'not when it ends in punctuation',
      'You can contact:\nLucy\n\nEnd',
      [
        { heading: null, lines: ['You can contact:', 'Lucy'] },
        { heading: null, lines: ['End'] },
      ],
    ],
    [
      'not the signature at the end',
      'Yours sincerely\n\nLucy Adeyemi\nComplaints Team',
      [
        { heading: null, lines: ['Yours sincerely'] },
        { heading: null, lines: ['Lucy Adeyemi', 'Complaints Team'] },
      ],
    ],
  ])('%s', (_, body, paragraphs) => {
    expect(paragraphsOf(body)).toEqual(paragraphs);
  });
});
