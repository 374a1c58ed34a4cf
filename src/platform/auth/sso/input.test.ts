import { describe, expect, it } from 'vitest';
import { providerForm } from './input.ts';

const good = {
  displayName: 'Microsoft',
  issuer: 'https://login.microsoftonline.com/5f0e1c4a-0000-4000-8000-000000000000/v2.0',
  clientId: 'a1b2c3',
  secretSource: 'env',
  secretRef: 'PROBITY_OIDC_SECRET',
  allowedDomains: 'Council.gov.uk, staff.council.gov.uk council.gov.uk',
  passwordSignIn: 'no',
};

const errorsOf = (changes: Record<string, string>) => {
  const parsed = providerForm.safeParse({ ...good, ...changes });
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`);
};

describe('the council’s provider settings', () => {
  it('takes an https issuer, a variable’s name and domains in any case or separator', () => {
    expect(providerForm.parse(good)).toEqual({
      displayName: 'Microsoft',
      issuer: good.issuer,
      clientId: 'a1b2c3',
      secretSource: 'env',
      secretRef: 'PROBITY_OIDC_SECRET',
      allowedDomains: ['council.gov.uk', 'staff.council.gov.uk'],
      passwordSignIn: false,
    });
  });

  // Plain http would let anyone on the way read the code and forge the provider's answers, so it
  // is taken only for a provider on the same machine (tests and local development).
  it.each([
    ['https://accounts.google.com', true],
    ['http://127.0.0.1:4000', true],
    ['http://localhost:4000/realms/council', true],
    ['http://[::1]:4000', true],
    ['http://login.example.com', false],
    ['http://127.0.0.1.example.com', false],
    ['https://accounts.google.com?tenant=x', false],
    ['ftp://accounts.google.com', false],
    ['accounts.google.com', false],
  ])('issuer %s is accepted: %s', (issuer, accepted) => {
    expect(errorsOf({ issuer }).length === 0).toBe(accepted);
  });

  it.each([
    [
      { secretSource: 'env', secretRef: 'probity_secret' },
      'secretRef: Enter the environment variable’s name in capitals, like PROBITY_OIDC_SECRET',
    ],
    [{ secretSource: 'file', secretRef: 'secrets/probity' }, 'secretRef: Enter the file’s full path, from /'],
    [{ secretSource: 'vault' }, 'secretSource: Select where the client secret is kept'],
    [{ allowedDomains: '' }, 'allowedDomains: Enter at least one email domain, like council.gov.uk'],
    [
      { allowedDomains: '@council.gov.uk' },
      'allowedDomains: Enter email domains like council.gov.uk, separated by spaces',
    ],
    [{ passwordSignIn: '' }, 'passwordSignIn: Select whether people may also sign in with a password'],
    [{ clientId: ' ' }, 'clientId: Enter the client ID'],
  ])('refuses %o', (changes, message) => {
    expect(errorsOf(changes as Record<string, string>)).toEqual([message]);
  });

  it('takes a file’s full path as where the secret is', () => {
    expect(errorsOf({ secretSource: 'file', secretRef: '/run/secrets/probity-oidc' })).toEqual([]);
  });
});
