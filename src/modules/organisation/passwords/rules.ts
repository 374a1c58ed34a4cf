import { checkNewPassword } from '../../../platform/auth/password-policy.ts';
import type { FieldError } from '../../../platform/errors.ts';

// A reset link works for 30 minutes (set in the invitations' link table); one address is sent at
// most this many in an hour, however many times it is asked, so that the form cannot be used to
// flood someone's inbox.
export const resetLinksPerHour = 3;

export function maySendResetLink(sentInLastHour: number): boolean {
  return sentInLastHour < resetLinksPerHour;
}

// A new password meets the password policy (NCSC guidance, password-policy.ts), is typed the same
// twice, and, when the person knows their current one, differs from it.
export function newPasswordErrors(
  typed: { password: string; confirmation: string; current?: string },
  person: { email: string; name: string },
  commonPasswords: ReadonlySet<string>,
): FieldError[] {
  const verdict = checkNewPassword(typed.password, person, commonPasswords);
  if (!verdict.ok) return [{ key: 'password', message: verdict.message }];
  if (typed.current !== undefined && typed.password === typed.current)
    return [{ key: 'password', message: 'Your new password must be different from your current one' }];
  if (typed.password !== typed.confirmation)
    return [{ key: 'confirmation', message: 'Passwords do not match' }];
  return [];
}
