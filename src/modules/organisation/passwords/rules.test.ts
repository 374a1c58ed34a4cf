import { describe, expect, it } from 'vitest';
import { maySendResetLink, newPasswordErrors } from './rules.ts';

const person = { email: 'priya.newcomer@probity.test', name: 'Priya Newcomer' };
const common = new Set(['password1234']);

type Typed = { password: string; confirmation: string; current?: string };

describe('a new password', () => {
  it.each<[Typed, string[], string]>([
    [
      { password: 'lantern orchard biscuit', confirmation: 'lantern orchard biscuit' },
      [],
      'meets the policy',
    ],
    [{ password: 'short', confirmation: 'short' }, ['password'], 'under 12 characters (NCSC)'],
    [{ password: 'password1234', confirmation: 'password1234' }, ['password'], 'on the block list (NCSC)'],
    [
      { password: 'priya.newcomer rocks', confirmation: 'priya.newcomer rocks' },
      ['password'],
      'holds the email',
    ],
    [
      { password: 'lantern orchard biscuit', confirmation: 'lantern orchard biscuits' },
      ['confirmation'],
      'typed differently twice',
    ],
    [
      {
        password: 'lantern orchard biscuit',
        confirmation: 'lantern orchard biscuit',
        current: 'lantern orchard biscuit',
      },
      ['password'],
      'the same as the current one',
    ],
    [
      {
        password: 'lantern orchard biscuit',
        confirmation: 'lantern orchard biscuit',
        current: 'old pass phrase',
      },
      [],
      'new and different from the current one',
    ],
  ])('%o gives errors on %o: %s', (typed, keys) => {
    expect(newPasswordErrors(typed, person, common).map((error) => error.key)).toEqual(keys);
  });
});

describe('reset links to one address', () => {
  it.each([
    [0, true],
    [2, true],
    [3, false],
    [10, false],
  ])('after %i in the last hour, another may be sent: %s', (sent, allowed) => {
    expect(maySendResetLink(sent)).toBe(allowed);
  });
});
