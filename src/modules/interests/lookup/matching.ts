// How the conflict lookup decides whether a declared person or organisation is the one
// asked about, and how strongly. Names are compared as name keys (names.ts), word by word, so
// that "J. Smith Ltd", "John Smith Limited", "Smith, John" and a small misspelling ("Smiht",
// "Jon Smyth") are found, and "Jane Smithers Ltd" is not. Pure: the database supplies the
// candidates, found by the keys below (migration name_match_keys).

export type LookupQuery = { nameKey: string; companyNumber: string | null; postcode: string | null };
type DeclaredParty = { nameKey: string; companyNumber: string; address: string };

export const matchQualities = {
  'company-number': 'Same company number',
  'exact-name': 'Exact name',
  'similar-name': 'Similar name',
} as const;
export type MatchQuality = keyof typeof matchQualities;

export type Match = {
  quality: MatchQuality;
  samePostcode: boolean;
  // How far the names are apart: 0 for the same words, more for each initial, misspelling or
  // extra word.
  distance: number;
};

// Whether two different words are one letter apart: a letter added or dropped, a letter changed,
// or two letters next to each other swapped.
export function oneLetterApart(a: string, b: string): boolean {
  if (a.length === b.length) {
    const differ = [...a].flatMap((letter, at) => (letter === b[at] ? [] : [at]));
    const [first = 0, second = 0] = differ;
    return (
      differ.length === 1 ||
      (differ.length === 2 && second === first + 1 && a[first] === b[second] && a[second] === b[first])
    );
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length !== short.length + 1) return false;
  let at = 0;
  while (at < short.length && short[at] === long[at]) at++;
  return short.slice(at) === long.slice(at + 1);
}

// A misspelling is forgiven in a word of four or more letters ("Smiht", "Smyth", "Jon" for
// "John"), one letter added, dropped, changed or two swapped; never in shorter words ("Tom" is not
// "Tim") or in numbers ("Unit 4" is not "Unit 5").
function misspellingAllowed(a: string, b: string): boolean {
  return Math.max(a.length, b.length) >= 4 && !/[0-9]/.test(a + b);
}

const isInitial = (word: string) => word.length === 1 && /[a-z]/.test(word);

type Word = { text: string; first: boolean; last: boolean };

// How far one word is from another, or null when they are different words. An initial stands for
// any word it begins ("J" for "John"), but a middle initial not for a surname: "Jon S. Kirdale"
// is not John Smith.
function wordDistance(a: Word, b: Word): number | null {
  if (a.text === b.text) return 0;
  const standsFor = (initial: Word, word: Word) =>
    isInitial(initial.text) && word.text.startsWith(initial.text) && (initial.first || !word.last);
  if (standsFor(a, b) || standsFor(b, a)) return 1;
  return misspellingAllowed(a.text, b.text) && oneLetterApart(a.text, b.text) ? 1 : null;
}

// The words that tell names apart: "and" (from "&", "& Co") does not.
const significant = (key: string) => key.split(' ').filter((word) => word !== '' && word !== 'and');

// Whether a name has a whole word to be found by, not only initials or words like "Ltd" and "&".
export const hasWholeWord = (key: string) => significant(key).some((word) => !isInitial(word));

const wordsOf = (key: string): Word[] => {
  const texts = significant(key);
  return texts.map((text, at) => ({ text, first: at === 0, last: at === texts.length - 1 }));
};

// Every word of the shorter name must stand for a different word of the longer one, in any order
// ("Smith John"); the longer may have more (a middle name, "Building Services"), each adding 1.
// At least one pair must be whole words, not initials, so that "J. S." alone never matches. A
// declared name shorter than the one looked up must keep its first or last word (the surname, or
// the word that names the organisation): "Mr Smith", or "Acme" for "Acme Building Services", not
// "Building Services".
function nameDistance(query: readonly Word[], declared: readonly Word[]): number | null {
  const [shorter, longer] = query.length <= declared.length ? [query, declared] : [declared, query];
  if (shorter.length === 0) return null;
  const unused = new Set(longer);
  const pairs: [Word, Word, number][] = [];
  // Equal words first, so that a looser pairing never takes a word another word equals.
  const pending = shorter.filter((word) => {
    const same = [...unused].find((other) => other.text === word.text);
    if (same === undefined) return true;
    unused.delete(same);
    pairs.push([word, same, 0]);
    return false;
  });
  for (const word of pending) {
    let best: { word: Word; distance: number } | null = null;
    for (const other of unused) {
      const found = wordDistance(word, other);
      if (found !== null && (best === null || found < best.distance)) best = { word: other, distance: found };
    }
    if (best === null) return null;
    unused.delete(best.word);
    pairs.push([word, best.word, best.distance]);
  }
  const whole = pairs.filter(([a, b]) => !isInitial(a.text) && !isInitial(b.text));
  const anchored = shorter === query || whole.some(([, b]) => b.first || b.last);
  if (whole.length === 0 || !anchored) return null;
  return pairs.reduce((sum, [, , distance]) => sum + distance, 0) + unused.size;
}

// A word's keys: the word, and for four or more letters the word with each letter left out. Two
// words one letter apart share a key.
function wordKeys(word: string): string[] {
  const keys = [word];
  if (word.length >= 4)
    for (let at = 0; at < word.length; at++) keys.push(word.slice(0, at) + word.slice(at + 1));
  return keys;
}

const startsWith = (word: string) => `^${word.slice(0, 1)}`;

// A declared name's keys, as the database's name_match_keys makes them (migration 20261123110000):
// each word's keys and '^' with its first letter, and '#' with the number of words, "and" aside.
export function nameMatchKeys(nameKey: string): string[] {
  const words = significant(nameKey);
  return [
    ...new Set([...words.flatMap((word) => [...wordKeys(word), startsWith(word)]), `#${words.length}`]),
  ];
}

// What a declared name's keys must include to be worth comparing: a superset of the names
// nameDistance accepts, each list one search of the match_keys index.
// - everyWord: as many words as the name looked up, or more, and for each word looked up a key of
//   it or its initial (or, for an initial, a word it begins);
// - oneWord: a single word, the first or last looked up (or one letter from it);
// - someWords: two or more words but fewer than looked up, one the first or last looked up and
//   another any other word looked up.
export function candidateKeys(queryKey: string) {
  const words = significant(queryKey);
  const [first = '', last = ''] = [words[0], words.at(-1)];
  const keysOf = (word: string) =>
    isInitial(word)
      ? [startsWith(word)]
      : [...wordKeys(word), ...(words.length > 1 ? [word.slice(0, 1)] : [])];
  const anchor = (word: string) => (isInitial(word) ? [] : wordKeys(word));
  const others = (except: number) => [
    ...new Set(words.flatMap((word, at) => (at === except ? [] : keysOf(word)))),
  ];
  const someWordsCounts = Array.from({ length: Math.max(words.length - 2, 0) }, (_, at) => `#${at + 2}`);
  return {
    everyWord: words.map((word) => [...new Set(keysOf(word))]),
    oneWord: words.length > 1 ? [...new Set([...anchor(first), ...anchor(last)])] : [],
    someWords: someWordsCounts.length
      ? [
          { anchor: anchor(first), other: others(0), counts: someWordsCounts },
          { anchor: anchor(last), other: others(words.length - 1), counts: someWordsCounts },
        ].filter((branch) => branch.anchor.length > 0)
      : [],
  };
}

const postcodePattern = /\b([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})\b/;

// A UK postcode in an address, as "SW1A 1AA", or null.
export function postcodeOf(address: string): string | null {
  const found = postcodePattern.exec(address.toUpperCase().replace(/\s+/g, ' '));
  return found ? `${found[1]} ${found[2]}` : null;
}

const streetWords: Record<string, string> = {
  st: 'street',
  rd: 'road',
  ave: 'avenue',
  ln: 'lane',
  dr: 'drive',
  cl: 'close',
  cres: 'crescent',
  ct: 'court',
  pl: 'place',
  terr: 'terrace',
  gdns: 'gardens',
};

// The premises an address names: its first line (number or house name, and street), in lower case
// without punctuation, the street word written out ("Rd", "Road"). A first line that is only a
// number ("12, High Street") takes the next line with it.
function premisesOf(address: string): string {
  const lines = address
    .toUpperCase()
    .replace(postcodePattern, ' ')
    .toLowerCase()
    .split(/\r?\n|,/)
    .map((line) => line.replace(/[^a-z0-9]+/g, ' ').trim())
    .filter((line) => line !== '');
  const [first = '', second = ''] = lines;
  const words = (/^[0-9]+[a-z]?$/.test(first) ? `${first} ${second}` : first).split(' ');
  const last = words.at(-1) ?? '';
  return [...words.slice(0, -1), streetWords[last] ?? last].join(' ').trim();
}

// Whether two addresses are the same home: the same postcode and the same first line.
export function sameAddress(a: string, b: string): boolean {
  const postcode = postcodeOf(a);
  const premises = premisesOf(a);
  return postcode !== null && postcode === postcodeOf(b) && premises !== '' && premises === premisesOf(b);
}

// How a declared person or organisation matches the one looked up, or null when it does not; made
// once for a lookup and asked of each declared name.
export function matcherFor(query: LookupQuery): (party: DeclaredParty) => Match | null {
  const words = wordsOf(query.nameKey);
  const name = words.map((word) => word.text).join(' ');
  return (party) => {
    const samePostcode = query.postcode !== null && postcodeOf(party.address) === query.postcode;
    const declared = wordsOf(party.nameKey);
    const distance = nameDistance(words, declared);
    if (query.companyNumber !== null && party.companyNumber === query.companyNumber) {
      return { quality: 'company-number', samePostcode, distance: distance ?? 0 };
    }
    if (distance === null) return null;
    const same = declared.map((word) => word.text).join(' ') === name;
    return { quality: same ? 'exact-name' : 'similar-name', samePostcode, distance };
  };
}

const strength: Record<MatchQuality, number> = { 'company-number': 0, 'exact-name': 1, 'similar-name': 2 };

// Strongest first: same company number, then the exact name, then similar names; within each,
// the same postcode first, then the closest names.
export function byStrength(a: Match, b: Match): number {
  return (
    strength[a.quality] - strength[b.quality] ||
    Number(b.samePostcode) - Number(a.samePostcode) ||
    a.distance - b.distance
  );
}
