import { z } from 'zod';
import { formText } from '../../web/form-kit.ts';
import { isLoopback } from './oidc.ts';
import type { ProviderSettings } from './providers.ts';

const domain = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const variableName = /^[A-Z_][A-Z0-9_]{0,99}$/;

// https, or http only for a provider on this machine (tests and local development).
function isIssuer(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url))) && !url.search;
}

const required = (message: string, max: number) =>
  formText.pipe(z.string().min(1, message).max(max, `Must be ${max} characters or fewer`));

// The system administrator's form for the council's provider.
export const providerForm = z
  .object({
    displayName: required('Enter the name people know the sign-in service by', 100),
    issuer: required('Enter the issuer address', 500).refine(
      isIssuer,
      'Enter the issuer as an https:// address, like https://login.microsoftonline.com/<tenant id>/v2.0',
    ),
    clientId: required('Enter the client ID', 300),
    secretSource: z.enum(['env', 'file'], { message: 'Select where the client secret is kept' }),
    secretRef: required('Enter the name of the environment variable or the path of the file', 500),
    allowedDomains: formText
      .transform((text) => [
        ...new Set(
          text
            .toLowerCase()
            .split(/[\s,]+/)
            .filter(Boolean),
        ),
      ])
      .refine((domains) => domains.length > 0, 'Enter at least one email domain, like council.gov.uk')
      .refine(
        (domains) => domains.every((d) => domain.test(d)),
        'Enter email domains like council.gov.uk, separated by spaces',
      ),
    passwordSignIn: z.enum(['yes', 'no'], {
      message: 'Select whether people may also sign in with a password',
    }),
  })
  .superRefine((form, context) => {
    if (form.secretSource === 'env' && !variableName.test(form.secretRef))
      context.addIssue({
        code: 'custom',
        path: ['secretRef'],
        message: 'Enter the environment variable’s name in capitals, like PROBITY_OIDC_SECRET',
      });
    if (form.secretSource === 'file' && !form.secretRef.startsWith('/'))
      context.addIssue({
        code: 'custom',
        path: ['secretRef'],
        message: 'Enter the file’s full path, from /',
      });
  })
  .transform(
    (form): ProviderSettings => ({
      displayName: form.displayName,
      issuer: form.issuer,
      clientId: form.clientId,
      secretSource: form.secretSource,
      secretRef: form.secretRef,
      allowedDomains: form.allowedDomains,
      passwordSignIn: form.passwordSignIn === 'yes',
    }),
  );

// The settings as the form shows them.
export const formValuesOf = (settings: ProviderSettings) => ({
  ...settings,
  allowedDomains: settings.allowedDomains.join(' '),
  passwordSignIn: settings.passwordSignIn ? 'yes' : 'no',
});
