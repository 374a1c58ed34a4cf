// Password rules from the NCSC's password guidance: length over complexity, no composition rules,
// no forced expiry, and a block list of passwords attackers try first.
export const minimumPasswordLength = 12;
export const maximumPasswordLength = 256;

export type PasswordVerdict = { ok: true } | { ok: false; message: string };

const tooCommon = 'Password is too common. Try three random words together, like ‘coffee train window’';

function isRepeatedOrSequence(password: string): boolean {
  const chars = [...password.toLowerCase()];
  if (new Set(chars).size === 1) return true;
  const codes = chars.map((char) => char.codePointAt(0) ?? 0);
  const steps = new Set(codes.slice(1).map((code, i) => code - (codes[i] ?? 0)));
  return steps.size === 1 && (steps.has(1) || steps.has(-1));
}

function personalParts(context: { email?: string; name?: string }): string[] {
  const local = context.email?.split('@')[0] ?? '';
  const names = (context.name ?? '').split(/\s+/);
  return [local, ...local.split(/[._-]+/), ...names]
    .map((part) => part.toLowerCase())
    .filter((part) => [...part].length >= 4);
}

export function checkNewPassword(
  password: string,
  context: { email?: string; name?: string },
  commonPasswords: ReadonlySet<string>,
): PasswordVerdict {
  const length = [...password].length;
  if (length < minimumPasswordLength)
    return { ok: false, message: `Password must be ${minimumPasswordLength} characters or more` };
  if (length > maximumPasswordLength)
    return { ok: false, message: `Password must be ${maximumPasswordLength} characters or fewer` };
  const lower = password.toLowerCase();
  const stem = lower.replace(/[\p{N}\p{P}\p{S}\s]+$/u, '');
  if (commonPasswords.has(lower) || commonPasswords.has(stem) || isRepeatedOrSequence(password)) {
    return { ok: false, message: tooCommon };
  }
  if (personalParts(context).some((part) => lower.includes(part))) {
    return { ok: false, message: 'Password must not contain your email address or name' };
  }
  return { ok: true };
}
