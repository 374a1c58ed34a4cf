import * as cursor from '../../../platform/web/cursor.ts';

// People are listed by name; the cursor is the last row's name and id.
export function encodeCursor(key: { name: string; id: string }): string {
  return cursor.encodeCursor([key.name, key.id]);
}

export function decodeCursor(value: unknown): { name: string; id: string } | undefined {
  const key = cursor.decodeCursor(value, 2);
  return key && typeof key[0] === 'string' && typeof key[1] === 'string'
    ? { name: key[0], id: key[1] }
    : undefined;
}
