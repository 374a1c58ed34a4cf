// An opaque page cursor: the sort key of the last row shown, as a list of strings and numbers.
export type CursorKey = readonly (string | number)[];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(value: unknown, length: number): CursorKey | undefined {
  if (typeof value !== 'string' || value === '' || value.length > 500) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === length &&
      parsed.every((part) => typeof part === 'string' || typeof part === 'number')
    ) {
      return parsed;
    }
  } catch {}
  return undefined;
}

// A whole list read a page at a time, each page continuing after the key the one before gave.
export async function* pagesOf<Row>(
  page: (after: CursorKey | undefined) => Promise<{ rows: Row[]; next: CursorKey | null }>,
): AsyncGenerator<Row[]> {
  let after: CursorKey | undefined;
  do {
    const batch = await page(after);
    yield batch.rows;
    after = batch.next ?? undefined;
  } while (after);
}
