// Password rules from the NCSC's password guidance: length over complexity, no composition rules,
// no forced expiry, and a block list of passwords and patterns attackers try first.
const minimumPasswordLength = 12;
const maximumPasswordLength = 256;

type PasswordVerdict = { ok: true } | { ok: false; message: string };

const tooCommon = 'Password is too common. Try three random words together, like ‘coffee train window’';

function isRepeatedOrSequence(password: string): boolean {
  const chars = [...password.toLowerCase()];
  if (new Set(chars).size === 1) return true;
  const codes = chars.map((char) => char.codePointAt(0) ?? 0);
  const steps = new Set(codes.slice(1).map((code, i) => code - (codes[i] ?? 0)));
  return steps.size === 1 && (steps.has(1) || steps.has(-1));
}

// Keys of a UK (ISO) keyboard, unshifted, row by row; each row starts further right than the one
// above by its offset in key widths. A shifted key counts as its unshifted one (US shifts).
const keyboardRows = ['`1234567890-=', 'qwertyuiop[]', "asdfghjkl;'#", '\\zxcvbnm,./'];
const rowOffsets = [0, 1.5, 1.75, 1.25];
const shifted = { from: '~!@#$%^&*()_+{}|:"<>?£¬', to: "`1234567890-=[]\\;',./3`" };
const keyPositions = new Map(
  keyboardRows.flatMap((row, y) =>
    [...row].map((key, x) => [key, { x: x + (rowOffsets[y] ?? 0), y }] as const),
  ),
);

function keyOf(char: string) {
  const i = shifted.from.indexOf(char);
  return keyPositions.get(i === -1 ? char : (shifted.to[i] ?? char));
}

function areNeighbours(a: { x: number; y: number }, b: { x: number; y: number }): boolean {
  const across = Math.abs(a.x - b.x);
  return a.y === b.y ? across === 1 : Math.abs(a.y - b.y) === 1 && across <= 0.75;
}

// A keyboard walk is made wholly of runs of three or more keys, each key touching the one before
// (qwertyuiop, 1qaz2wsx, asdfghjkl123), in any direction.
function isKeyboardWalk(password: string): boolean {
  const keys = [...password].map(keyOf);
  let run = 1;
  for (const [i, key] of keys.entries()) {
    const previous = keys[i - 1];
    if (!key) return false;
    if (!previous) continue;
    if (areNeighbours(previous, key)) run += 1;
    else if (run < 3) return false;
    else run = 1;
  }
  return run >= 3;
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
  if (
    commonPasswords.has(lower) ||
    commonPasswords.has(stem) ||
    isRepeatedOrSequence(password) ||
    isKeyboardWalk(lower)
  ) {
    return { ok: false, message: tooCommon };
  }
  if (personalParts(context).some((part) => lower.includes(part))) {
    return { ok: false, message: 'Password must not contain your email address or name' };
  }
  return { ok: true };
}
