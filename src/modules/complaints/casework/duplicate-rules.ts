// Possible duplicate complaints (DOMAIN.md §3 "Triage"): a complaint from the same person about
// the same service, received within the council's window (policy duplicateComplaintWindowDays,
// 28 days by default), that says much the same thing in similar words. Triage shows them, to be
// merged (one complaint goes on) or both kept; a pair kept apart is not flagged again.

// Words that say nothing about what a complaint is about.
const stopWords = new Set(
  `a about after again all also am an and any are as at be been before being but by can could did do
  does done for from had has have he her him his how i if in into is it its me my no not of on or our
  out she so than that the their them then there they this to too up us was we were what when which
  who will with would you your`.split(/\s+/),
);

// The words of a text that say what it is about: lower case, accents, punctuation and apostrophes
// gone ("Didn't" is "didnt"), numbers kept, little words dropped.
export function normalisedWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '' && !stopWords.has(word));
}

// Each word's three-letter pieces, as PostgreSQL's pg_trgm makes them (two spaces before a word,
// one after), so that "collected" and "collection", or a typing slip, still share most pieces.
function trigrams(words: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (const word of words) {
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) found.add(padded.slice(i, i + 3));
  }
  return found;
}

// How alike two texts are, from 0 (nothing in common) to 1 (the same words): the Dice coefficient
// of their trigrams, 2|A ∩ B| / (|A| + |B|). Two texts with no words that count are not alike.
export function textSimilarity(a: string, b: string): number {
  const first = trigrams(normalisedWords(a));
  const second = trigrams(normalisedWords(b));
  if (first.size === 0 || second.size === 0) return 0;
  let shared = 0;
  for (const piece of first) if (second.has(piece)) shared++;
  return (2 * shared) / (first.size + second.size);
}

// Complaints this alike are shown as possible duplicates. Below it, two complaints about the
// same service in its everyday words (bins, collection, missed) are still told apart.
export const similarityThreshold = 0.5;

// The days either side of a complaint's receipt that another of the person's may be a duplicate.
export function duplicateWindow(receivedOn: string, windowDays: number): { from: string; to: string } {
  const day = Date.parse(`${receivedOn}T00:00:00Z`);
  const shifted = (days: number) => new Date(day + days * 86_400_000).toISOString().slice(0, 10);
  return { from: shifted(-windowDays), to: shifted(windowDays) };
}

export type DuplicateFacts = {
  id: string;
  customerId: string;
  serviceId: string | null;
  receivedOn: string;
  status: string;
  whatHappened: string;
  anonymised: boolean;
};

// Whether `other` is shown as a possible duplicate of `complaint`, being triaged: another
// complaint of the same person about the same service (or both about none named), within the
// window, not merged itself, not anonymised, not kept apart from it before, and in similar words.
export function isPossibleDuplicate(
  complaint: DuplicateFacts,
  other: DuplicateFacts,
  { windowDays, keptApart }: { windowDays: number; keptApart: boolean },
): boolean {
  const window = duplicateWindow(complaint.receivedOn, windowDays);
  return (
    other.id !== complaint.id &&
    other.customerId === complaint.customerId &&
    other.serviceId === complaint.serviceId &&
    other.receivedOn >= window.from &&
    other.receivedOn <= window.to &&
    other.status !== 'merged' &&
    !other.anonymised &&
    !keptApart &&
    textSimilarity(complaint.whatHappened, other.whatHappened) >= similarityThreshold
  );
}

// A pair kept apart is recorded once, whichever of the two was being triaged: the lower id first.
export function pairOf(a: string, b: string): { complaintId: string; otherId: string } {
  return a < b ? { complaintId: a, otherId: b } : { complaintId: b, otherId: a };
}
