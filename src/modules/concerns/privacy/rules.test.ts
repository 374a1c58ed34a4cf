import { describe, expect, it } from 'vitest';
import type { DataSubject } from '../../../platform/privacy/subject.ts';
import { isReporter } from './rules.ts';

const subject: DataSubject = {
  kind: 'person',
  id: '00000000-0000-7000-8000-000000000001',
  name: 'Sam Okoro',
  email: 'sam.okoro@council.test',
  address: '',
};

// UK GDPR Art. 15 with DPA 2018 Sch. 2 para. 16 (another individual's data): a concern is in a
// person's export only when they are its named reporter; anyone else it names is a third party.
describe('whose concern it is, for a subject access export', () => {
  it.each([
    ['the named reporter, by name and email', { name: 'Sam Okoro', contact: 'sam.okoro@council.test' }, true],
    ['the name written differently', { name: '  sam   OKORO ', contact: 'Sam.Okoro@council.test' }, true],
    // A namesake may have given a telephone number, or nothing: a name alone is not enough.
    ['the name with a telephone number', { name: 'Sam Okoro', contact: '07700 900123' }, false],
    ['the name with no contact', { name: 'Sam Okoro', contact: '' }, false],
    ['a namesake with another email', { name: 'Sam Okoro', contact: 'sam@elsewhere.test' }, false],
    ['someone else with their email', { name: 'Alex Reed', contact: 'sam.okoro@council.test' }, false],
    ['an anonymous concern', null, false],
  ])('%s', (_, reporter, theirs) => {
    expect(isReporter(reporter, subject)).toBe(theirs);
  });

  it('a subject with no email address is not matched to a reporter who gave one', () => {
    expect(
      isReporter({ name: 'Sam Okoro', contact: 'sam.okoro@council.test' }, { ...subject, email: '' }),
    ).toBe(false);
  });
});
