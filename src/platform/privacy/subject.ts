// Who a subject access request is about, and what each module answers with. A staff member is a
// person; a complainant, customer or resident visited is a customer (customers module). The
// name, email and address are the subject's own, read from their record, so a module holding
// the subject by name (an enforcement case's debtor, a conduct complaint's complainant) can match.
export type DataSubject = {
  kind: 'person' | 'customer';
  id: string;
  name: string;
  email: string;
  address: string;
};

// One file of the export: a kind of record, readable field names, dates in ISO 8601.
export type SubjectSection = { file: string; title: string; records: Record<string, unknown>[] };

// Columns that are the system's, not the subject's: council ids, hashes, search keys, sealed bytes.
const systemColumn = /^(council_id|.*_key|.*_hash|wrapped_key|sealed.*|version|position)$/;

// 'recipient_name' → 'Recipient name'.
export function readableName(column: string): string {
  const words = column.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function readableValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return undefined;
  return value;
}

// A row as the subject reads it: the system's columns left out, names in words, dates ISO.
export function readableRecord(row: object, omit: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    if (systemColumn.test(column) || omit.includes(column)) continue;
    const readable = readableValue(value);
    if (readable !== undefined) out[readableName(column)] = readable;
  }
  return out;
}

export function section(
  file: string,
  title: string,
  rows: readonly object[],
  omit: readonly string[] = [],
): SubjectSection {
  return { file, title, records: rows.map((row) => readableRecord(row, omit)) };
}

// A postcode as written anywhere in an address, for matching records that hold a name and an
// address but no customer id: upper case, no spaces.
// A PostgreSQL pattern (~) for an address holding exactly this postcode (as postcodeOf gives it),
// with or without its space, and not as the end of a longer one (SE1 1AA does not hold E1 1AA).
export function postcodePattern(postcode: string): string {
  return `(^|[^A-Z0-9])${postcode.slice(0, -3)} ?${postcode.slice(-3)}([^A-Z0-9]|$)`;
}

export function postcodeOf(address: string): string | null {
  const match = /([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})\b/i.exec(address);
  return match ? `${match[1]}${match[2]}`.toUpperCase() : null;
}
