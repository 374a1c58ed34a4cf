import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../organisation/service.ts';
import { isLate } from '../triage-rules.ts';
import { completeFacts, contactStep, parseTime, whatHappenedStep } from './input.ts';
import {
  complaintReference,
  complaintTopics,
  contactProblem,
  mayEscalateOnline,
  normaliseReference,
  publicStatus,
  steeringFor,
} from './rules.ts';
import { checkUpload, evidenceProblem, fileSizeText, safeFileName, sniffDocumentType } from './uploads.ts';

const withLinks = {
  ...defaultPolicy(),
  serviceRequestUrl: 'https://council.example/report',
  adultSocialCareComplaintsUrl: 'https://council.example/asc-complaints',
  childrensServicesComplaintsUrl: 'https://council.example/childrens-complaints',
  councillorComplaintsUrl: 'https://council.example/councillors',
  schoolComplaintsUrl: 'https://council.example/schools.pdf',
  environmentalReportUrl: 'https://council.example/environment',
};

describe('what the public form steers away before a complaint is written (003 §2.3-2.10)', () => {
  it.each([
    // topic, source, the council's link when set
    [
      'service-request',
      '003 §2.3: initial requests for service, initial reporting of issues',
      'https://council.example/report',
    ],
    [
      'adult-social-care',
      '003 §2.5-2.6: adult social care has its own statutory process',
      'https://council.example/asc-complaints',
    ],
    [
      'childrens-services',
      '003 §2.5, §2.7: children’s services have their own statutory process',
      'https://council.example/childrens-complaints',
    ],
    ['councillor', '003 §2.8: complaints about councillors', 'https://council.example/councillors'],
    ['school', '003 §2.9: schools', 'https://council.example/schools.pdf'],
    ['environmental', '003 §2.10: reporting an environmental issue', 'https://council.example/environment'],
  ])(
    '%s (%s) links to the council’s page, or says whom to contact when it has none',
    (topic, _source, url) => {
      const linked = steeringFor(topic, withLinks);
      expect(linked).toMatchObject({ kind: 'elsewhere', link: { href: url }, instead: '' });
      const unlinked = steeringFor(topic, defaultPolicy());
      expect(unlinked).toMatchObject({ kind: 'elsewhere', link: null });
      expect(unlinked.kind === 'elsewhere' && unlinked.instead).toMatch(/Contact the council|Ask the school/);
    },
  );

  it.each([
    ['law-or-policy', /law or central government policy/],
    ['members-decision', /elected councillors/],
    ['legal-proceedings', /legal proceedings/],
    ['already-decided', /court, an independent tribunal or an Ombudsman/],
  ])('%s is a matter the council cannot look at (003 §2.4), explained without a link', (topic, words) => {
    const steering = steeringFor(topic, withLinks);
    expect(steering).toMatchObject({ kind: 'elsewhere', link: null });
    expect(steering.kind === 'elsewhere' && steering.paragraphs.join(' ')).toMatch(words);
  });

  it('lets a corporate complaint through (003 §2.1) and knows no other topic', () => {
    expect(steeringFor('complaint', withLinks)).toEqual({ kind: 'complaint' });
    expect(steeringFor('something-else', withLinks)).toEqual({ kind: 'unknown' });
    expect(complaintTopics[0]?.value).toBe('complaint');
    expect(new Set(complaintTopics.map((topic) => topic.value)).size).toBe(complaintTopics.length);
  });
});

describe('how the person is contacted', () => {
  const none = { email: '', phone: '', address: '' };
  it.each([
    [
      'nothing given',
      { ...none, preference: 'email' },
      'Enter an email address, a phone number or a postal address',
    ],
    [
      'no preference',
      { ...none, email: 'a@b.test', preference: '' },
      'Select how you would like us to contact you',
    ],
    [
      'email without an address',
      { ...none, phone: '0116 454 1000', preference: 'email' },
      'Enter an email address, or choose another way for us to contact you',
    ],
    [
      'post without an address',
      { ...none, email: 'a@b.test', preference: 'post' },
      'Enter a postal address, or choose another way for us to contact you',
    ],
    ['phone with a number', { ...none, phone: '0116 454 1000', preference: 'phone' }, null],
    ['email with an address', { ...none, email: 'a@b.test', preference: 'email' }, null],
  ])('%s', (_case, contact, message) => {
    expect(contactProblem(contact)?.message ?? null).toBe(message);
  });

  it('checks the format of an email address and a phone number', () => {
    const errors = contactStep.check(
      { name: 'A', email: 'not an email', phone: 'call me', address: '', preference: 'email' },
      { today: '2026-11-23', serviceIds: new Set() },
    );
    expect(errors.map((error) => error.key)).toEqual(['email', 'phone']);
  });
});

describe('when it happened', () => {
  const check = (parts: [string, string, string]) =>
    whatHappenedStep
      .check(
        whatHappenedStep.read({
          whatHappened: 'x',
          'happenedOn-day': parts[0],
          'happenedOn-month': parts[1],
          'happenedOn-year': parts[2],
        }),
        { today: '2026-11-23', serviceIds: new Set() },
      )
      .map((error) => error.message);
  it.each([
    ['today', ['23', '11', '2026'], []],
    ['a best guess in the past', ['1', '3', '2025'], []],
    ['tomorrow', ['24', '11', '2026'], ['When it happened must be today or in the past']],
    ['31 February', ['31', '2', '2026'], ['When it happened must be a real date']],
    ['left empty', ['', '', ''], ['Enter when it happened. If you are not sure, give your best guess']],
  ] as const)('%s', (_case, parts, messages) => {
    expect(check([...parts])).toEqual(messages);
  });

  // DOMAIN.md §3: more than 12 months after the event, accepted at discretion (policy lateComplaintMonths).
  it.each([
    ['2025-11-23', false],
    ['2025-11-22', true],
  ])('happened on %s, received 23 November 2026: late is %s', (happenedOn, late) => {
    expect(isLate(happenedOn, '2026-11-23', defaultPolicy().lateComplaintMonths)).toBe(late);
  });
});

describe('the whole complaint', () => {
  it('names the first page with something missing', () => {
    const outcome = completeFacts(
      { forWhom: 'self', name: 'A', email: 'a@b.test', preference: 'email' },
      { today: '2026-11-23', serviceIds: new Set() },
    );
    expect(outcome.firstIncomplete?.key).toBe('service');
  });
});

describe('references and times', () => {
  it.each([
    [2026, 1, 'CMP-2026-0001'],
    [2026, 113, 'CMP-2026-0113'],
    [2027, 12345, 'CMP-2027-12345'],
  ])('%i number %i is %s', (year, number, reference) => {
    expect(complaintReference(year, number)).toBe(reference);
  });

  it('takes a reference as people type it', () => {
    expect(normaliseReference(' cmp-2026-0113 ')).toBe('CMP-2026-0113');
  });

  it.each([
    ['14:30', '14:30'],
    ['9.05', '09:05'],
    ['2:30pm', '14:30'],
    ['12am', '00:00'],
    ['12pm', '12:00'],
    ['9am', '09:00'],
    ['25:00', null],
    ['13pm', null],
    ['noon', null],
    ['9', null],
  ])('time %s is %s', (typed, time) => {
    expect(parseTime(typed)).toBe(time);
  });
});

describe('progress shown to the public, and asking for stage 2 (the Code: no reason needed)', () => {
  it.each([
    ['stage-1-responded', 'complaint-handling-code', true],
    ['stage-1', 'complaint-handling-code', false],
    ['stage-2', 'complaint-handling-code', false],
    ['stage-2-responded', 'complaint-handling-code', false],
    ['closed', 'complaint-handling-code', false],
    ['stage-1-responded', 'single-stage', false],
  ])('%s under %s: may escalate %s', (status, regime, may) => {
    expect(mayEscalateOnline(status, regime)).toBe(may);
  });

  it('calls the single stage’s response final', () => {
    expect(publicStatus('stage-1-responded', 'single-stage')).toBe('We have sent you our final response');
    expect(publicStatus('stage-1-responded', 'complaint-handling-code')).toBe(
      'We have sent you our response',
    );
  });
});

describe('files sent with a complaint (003 §4.1: written authority)', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
  const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]);
  const pdf = Buffer.from('%PDF-1.7\n');
  const exe = Buffer.from('MZ\x90\x00\x03\x00\x00\x00');
  // An ISO media file's first box: its size, "ftyp", the major brand, a version, compatible brands.
  const heic = (major: string, ...compatible: string[]) => {
    const size = Buffer.alloc(4);
    size.writeUInt32BE(16 + 4 * compatible.length);
    return Buffer.concat([
      size,
      Buffer.from(`ftyp${major}`),
      Buffer.alloc(4),
      Buffer.from(compatible.join('')),
    ]);
  };
  it.each([
    ['a PDF', pdf, 'application/pdf'],
    ['a PNG', png, 'image/png'],
    ['a JPEG', jpeg, 'image/jpeg'],
    ['an iPhone photo (HEIC)', heic('heic'), 'image/heic'],
    ['a HEIF image file holding HEVC', heic('mif1', 'heic'), 'image/heic'],
    ['an AVIF image (not HEVC)', heic('avif', 'mif1'), null],
    ['a video (ISO media, not an image)', heic('isom', 'mp41'), null],
    ['a program', exe, null],
    ['text', Buffer.from('hello'), null],
    ['nothing', Buffer.alloc(0), null],
  ])('%s is recognised by its content as %s', (_case, content, type) => {
    expect(sniffDocumentType(content)).toBe(type);
  });

  it.each([
    [
      'a program renamed .pdf',
      { fieldName: 'f', fileName: 'letter.pdf', content: exe, truncated: false },
      'The file must be a PDF, JPG or PNG',
    ],
    [
      'over the size limit',
      { fieldName: 'f', fileName: 'big.pdf', content: pdf, truncated: true },
      'The file must be smaller than 5 MB',
    ],
    [
      'empty',
      { fieldName: 'f', fileName: 'empty.pdf', content: Buffer.alloc(0), truncated: false },
      'The file you chose is empty',
    ],
    ['none chosen', { fieldName: 'f', fileName: '', content: Buffer.alloc(0), truncated: false }, null],
  ])('%s', (_case, upload, problem) => {
    expect(checkUpload(upload).problem).toBe(problem);
  });

  it.each([
    ['a photo as evidence', heic('heic'), 'evidence', null],
    [
      'a photo as written permission, which takes PDF, JPG or PNG',
      heic('heic'),
      'authority',
      'The file must be a PDF, JPG or PNG',
    ],
    ['a program as evidence', exe, 'evidence', 'The file must be a PDF, JPG, PNG or HEIC'],
    [
      'evidence over 10 MB',
      Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024)]),
      'evidence',
      'The file must be smaller than 10 MB',
    ],
    [
      'written permission over 5 MB',
      Buffer.concat([pdf, Buffer.alloc(5 * 1024 * 1024)]),
      'authority',
      'The file must be smaller than 5 MB',
    ],
  ] as const)('%s', (_case, content, kind, problem) => {
    expect(checkUpload({ fieldName: 'f', fileName: 'f', content, truncated: false }, kind).problem).toBe(
      problem,
    );
  });

  // A complaint's evidence: up to 5 files, 20 MB in all.
  it.each([
    ['the first file', { count: 0, bytes: 0 }, 1024, null],
    ['the fifth', { count: 4, bytes: 1024 }, 1024, null],
    ['a sixth', { count: 5, bytes: 5120 }, 1024, 'You can send up to 5 files. Remove one to add another'],
    ['up to 20 MB in all', { count: 2, bytes: 18 * 1024 * 1024 }, 2 * 1024 * 1024, null],
    [
      'past 20 MB in all',
      { count: 2, bytes: 18 * 1024 * 1024 },
      2 * 1024 * 1024 + 1,
      'Your files must be smaller than 20 MB in all. Remove one or send a smaller file',
    ],
  ])('%s', (_case, held, adding, problem) => {
    expect(evidenceProblem(held, adding)).toBe(problem);
  });

  it.each([
    [200, '1 KB'],
    [1536, '2 KB'],
    [4.25 * 1024 * 1024, '4.3 MB'],
    [5 * 1024 * 1024, '5 MB'],
    [12.6 * 1024 * 1024, '13 MB'],
  ])('shows %d bytes as %s', (bytes, text) => {
    expect(fileSizeText(bytes)).toBe(text);
  });

  it('keeps a file name without folders or control characters', () => {
    expect(safeFileName('C:\\Users\\me\\permission\u0007.pdf', 'application/pdf')).toBe('permission.pdf');
    expect(safeFileName('', 'image/png')).toBe('document.png');
  });
});
