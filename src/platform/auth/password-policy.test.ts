import { describe, expect, it } from 'vitest';
import { checkNewPassword } from './password-policy.ts';
import { loadCommonPasswords } from './passwords.ts';

const common = await loadCommonPasswords();
const person = { email: 'jane.doughty@demo.probity.test', name: 'Jane Doughty' };

// NCSC password guidance: length over complexity, no composition rules, block common passwords.
describe('checkNewPassword', () => {
  it.each([
    ['eleven char', 'Password must be 12 characters or more', 'NCSC: a minimum length, not complexity rules'],
    ['twelve chars', null, 'exactly the minimum length'],
    ['x'.repeat(257), 'Password must be 256 characters or fewer', 'a maximum long enough for any passphrase'],
    ['correct horse battery staple', null, 'three or four random words: NCSC’s advice'],
    ['alllowercase words are fine', null, 'no composition rules'],
    ['password1234', 'too common', 'on the common password list'],
    ['Password123!', 'too common', 'a common password with digits and punctuation added'],
    ['qwertyuiop123', 'too common', 'a keyboard walk'],
    ['summer2026!!', 'too common', 'a season and a year'],
    ['aaaaaaaaaaaaaa', 'too common', 'one character repeated'],
    ['abcdefghijklmn', 'too common', 'a simple sequence'],
    ['jane.doughty-rules', 'must not contain your email address or name', 'contains the email address'],
    ['doughty lantern river', 'must not contain your email address or name', 'contains the surname'],
    ['🐱🐶🐭🐹🐰🦊🐻🐼🐨🐯🦁🐮', null, '12 emoji are 12 characters, though 24 UTF-16 units'],
    ['🐱🐶🐭🐹🐰🦊', 'Password must be 12 characters or more', 'length is counted in characters'],
  ])('%s → %s (%s)', (password, problem, _why) => {
    const verdict = checkNewPassword(password, person, common);
    if (problem === null) expect(verdict).toEqual({ ok: true });
    else expect(verdict.ok ? '' : verdict.message).toContain(problem);
  });
});
