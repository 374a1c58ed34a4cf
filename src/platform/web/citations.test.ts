import { describe, expect, it } from 'vitest';
import {
  citationHtml,
  citationsInHtml,
  citationsInText,
  citationText,
  defaultPolicyDocuments,
  documentsFromSettings,
} from './citations.ts';

const council = documentsFromSettings({
  officersCodeName: 'Code of Conduct for Staff',
  officersCodeUrl: 'https://council.example/code',
  employeesCodeName: 'Employee Code',
});

describe('citationText', () => {
  it.each([
    ['001 §61', 'Officers’ Code of Conduct, paragraph 61'],
    ['001 §68(a)', 'Officers’ Code of Conduct, paragraph 68(a)'],
    ['001 §34-35', 'Officers’ Code of Conduct, paragraphs 34 to 35'],
    ['001 §66 and §71(c)', 'Officers’ Code of Conduct, paragraphs 66 and 71(c)'],
    ['003 §2.5, §2.7', 'Corporate Complaints Policy, paragraphs 2.5 and 2.7'],
    ['003 §2.1-2.10, §5.1', 'Corporate Complaints Policy, paragraphs 2.1 to 2.10 and 5.1'],
    [
      '003 vexatious procedure §5.2, §6, §7',
      'Procedure for Managing Vexatious Customers, paragraphs 5.2, 6 and 7',
    ],
    ['003 vexatious procedure', 'Procedure for Managing Vexatious Customers'],
    ['003 Appendix V §7.5', 'Code of Conduct for Employees, paragraph 7.5'],
    ['001 Appendix B §3', 'Officers’ Code of Conduct, Appendix B, paragraph 3'],
    ['002, Honesty', 'Code of Conduct for Officers, Honesty'],
    ['000 out-of-hours', 'Compliance Officer Code of Conduct and Procedure Notes, out-of-hours'],
    ['004', 'Enforcement Officer role profile'],
    [
      '001 §42; 003 Appendix V §7.3 (section 117 Local Government Act 1972)',
      'Officers’ Code of Conduct, paragraph 42; Code of Conduct for Employees, paragraph 7.3 (section 117 Local Government Act 1972)',
    ],
    [
      '004; Taking Control of Goods Regulations 2013, regulations 12 to 13',
      'Enforcement Officer role profile; Taking Control of Goods Regulations 2013, regulations 12 to 13',
    ],
    ['DOMAIN.md §4', 'DOMAIN.md §4'],
  ])('%s → %s', (code, words) => expect(citationText(code, defaultPolicyDocuments)).toBe(words));

  it('uses the council’s own names', () => {
    expect(citationText('001 §61; 003 Appendix V §7.7', council)).toBe(
      'Code of Conduct for Staff, paragraph 61; Employee Code, paragraph 7.7',
    );
  });

  it('keeps the default name for a document whose name is not set', () => {
    expect(documentsFromSettings({ officersCodeName: '  ' })['001']?.name).toBe('Officers’ Code of Conduct');
  });
});

describe('citationHtml', () => {
  it('links the document’s name where the council publishes it, and escapes what it shows', () => {
    expect(citationHtml('001 §61; 002 §9', council)).toBe(
      '<a class="govuk-link" href="https://council.example/code">Code of Conduct for Staff</a>, paragraph 61; Code of Conduct for Officers, paragraph 9',
    );
    const odd = documentsFromSettings({ conductCodeName: 'Rules <& "quotes">' });
    expect(citationHtml('002', odd)).toBe('Rules &lt;&amp; &quot;quotes&quot;&gt;');
  });
});

describe('citations in a message', () => {
  it.each([
    [
      'A planning application must be notified in writing (001 §47)',
      'A planning application must be notified in writing (Officers’ Code of Conduct, paragraph 47)',
    ],
    [
      'Needs authorisation [000 out-of-hours]',
      'Needs authorisation (Compliance Officer Code of Conduct and Procedure Notes, out-of-hours)',
    ],
    [
      'Interest in a contract (001 §42; 003 Appendix V §7.3 (section 117 Local Government Act 1972)).',
      'Interest in a contract (Officers’ Code of Conduct, paragraph 42; Code of Conduct for Employees, paragraph 7.3 (section 117 Local Government Act 1972)).',
    ],
    ['Other brackets (like these) and [these] stay', 'Other brackets (like these) and [these] stay'],
    ['An account (0012345) is not a citation', 'An account (0012345) is not a citation'],
  ])('%s', (text, words) => expect(citationsInText(text, defaultPolicyDocuments)).toBe(words));

  it('as HTML, escapes the rest of the message', () => {
    expect(citationsInHtml('<b>Must</b> decline (001 §61)', council)).toBe(
      '&lt;b&gt;Must&lt;/b&gt; decline (<a class="govuk-link" href="https://council.example/code">Code of Conduct for Staff</a>, paragraph 61)',
    );
  });
});
