import { describe, expect, it } from 'vitest';
import { checkNewPassword } from './password-policy.ts';
import { loadCommonPasswords } from './passwords.ts';

const common = await loadCommonPasswords();
const person = { email: 'jane.doughty@demo.probity.test', name: 'Jane Doughty' };

// Each row cites the NCSC password guidance: length over complexity, no composition rules,
// block the passwords attackers try first, and encourage three random words.
describe('checkNewPassword', () => {
  it.each([
    [
      'eleven char',
      'Password must be 12 characters or more',
      'a minimum length rather than complexity rules',
    ],
    ['twelve chars', null, 'exactly the minimum length is enough'],
    [
      'x'.repeat(257),
      'Password must be 256 characters or fewer',
      'long passphrases are welcome; the cap only bounds hashing work',
    ],
    ['correct horse battery staple', null, 'random words together make a good password'],
    ['alllowercase words are fine', null, 'no composition rules'],
    ['password1234', 'too common', 'block common passwords'],
    ['Password123!', 'too common', 'block common passwords with digits and punctuation added'],
    ['Summer2026!!', 'too common', 'block predictable patterns: a season and a year'],
    ['qwertyuiop123', 'too common', 'block predictable patterns: a keyboard walk'],
    ['qwertyuiop[]', 'too common', 'block predictable patterns: a keyboard row'],
    ['poiuytrewqlkjh', 'too common', 'block predictable patterns: keyboard rows backwards'],
    ['asdfghjkl123', 'too common', 'block predictable patterns: a keyboard row then a sequence'],
    ['1qaz2wsx3edc', 'too common', 'block predictable patterns: keyboard columns'],
    ['!QAZ@WSX#EDC', 'too common', 'block predictable patterns: keyboard columns, shifted'],
    ['qazwsxedcrfvtgb', 'too common', 'block predictable patterns: keyboard columns, letters only'],
    ['zaq12wsxcde3', 'too common', 'block predictable patterns: keyboard columns, up and down'],
    ['1q2w3e4r5t6y', 'too common', 'block predictable patterns: a zig-zag along the keyboard'],
    ['zxcvbnm,./2026', 'too common', 'block predictable patterns: a keyboard row and a year'],
    ['lantern river quietly', null, 'words are not a keyboard walk, though some letters are neighbours'],
    ['coffeetrainwindow', null, 'random words run together are fine'],
    ['aaaaaaaaaaaaaa', 'too common', 'block predictable patterns: one character repeated'],
    ['abcdefghijklmn', 'too common', 'block predictable patterns: a simple sequence'],
    [
      'jane.doughty-rules',
      'must not contain your email address or name',
      'personal details are easy to guess: email',
    ],
    [
      'lantern river DOUGHTY',
      'must not contain your email address or name',
      'personal details are easy to guess: surname',
    ],
    [
      'jane walks the river',
      'must not contain your email address or name',
      'personal details are easy to guess: first name',
    ],
    ['🐱🐶🐭🐹🐰🦊🐻🐼🐨🐯🦁🐮', null, 'length counts characters: 12 emoji, though 24 UTF-16 units'],
    [
      '🐱🐶🐭🐹🐰🦊',
      'Password must be 12 characters or more',
      'length counts characters: 6 emoji are 12 UTF-16 units',
    ],
  ])('%s → %s (NCSC password guidance: %s)', (password, problem, _why) => {
    const verdict = checkNewPassword(password, person, common);
    if (problem === null) expect(verdict).toEqual({ ok: true });
    else expect(verdict.ok ? '' : verdict.message).toContain(problem);
  });
});
