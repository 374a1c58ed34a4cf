import { describe, expect, it } from 'vitest';
import {
  type DuplicateFacts,
  duplicateWindow,
  isPossibleDuplicate,
  normalisedWords,
  pairOf,
  similarityThreshold,
  textSimilarity,
} from './duplicate-rules.ts';

const bins = 'My missed bin was reported three times and never collected.';

describe('the words that say what a complaint is about', () => {
  it.each([
    ['case, punctuation and little words go', 'The BIN was NOT collected!', ['bin', 'collected']],
    ['apostrophes join a word', "They didn’t come; it isn't right", ['didnt', 'come', 'isnt', 'right']],
    ['accents go, numbers stay', 'Café at 12 Élm Road', ['cafe', '12', 'elm', 'road']],
    ['nothing that counts', 'and the of it', []],
  ])('%s', (_case, text, words) => {
    expect(normalisedWords(text)).toEqual(words);
  });
});

// Similar words: at or over the threshold a pair is flagged; below it, it is not.
describe('how alike two complaints’ words are', () => {
  it.each([
    ['the same text sent twice', bins, bins, true],
    [
      'typed again in other case and punctuation',
      bins,
      'my MISSED bin, reported 3 times, was never collected!!',
      true,
    ],
    [
      'the same thing in other words',
      bins,
      'I reported my missed bin collection three times and nobody collected it.',
      true,
    ],
    [
      'a shorter version of a longer complaint',
      'The bin collection on Elm Road has been missed for three weeks running and nobody has answered my emails about it.',
      'Bins on Elm Road missed three weeks running, no answer to my emails.',
      true,
    ],
    ['another incident with the same service', bins, 'The bin men missed my bin again this week.', false],
    [
      'something else about the same service',
      'The officer who visited about my housing repair was rude and left without looking at the damp.',
      'My housing repair: the damp in the bedroom has still not been fixed after six months.',
      false,
    ],
    [
      'a different matter altogether',
      bins,
      'Your staff were rude to me on the phone when I asked about my council tax bill.',
      false,
    ],
    ['no words that count', 'and the', 'and the', false],
  ])('%s', (_case, a, b, alike) => {
    expect(textSimilarity(a, b) >= similarityThreshold).toBe(alike);
    expect(textSimilarity(b, a)).toBe(textSimilarity(a, b));
  });

  it('is 1 for the same words and 0 for none shared', () => {
    expect(textSimilarity(bins, bins)).toBe(1);
    expect(textSimilarity('bins', 'xyz')).toBe(0);
  });
});

const complaint: DuplicateFacts = {
  id: '019a0000-0000-7000-8000-000000000002',
  customerId: 'customer-1',
  serviceId: 'waste',
  receivedOn: '2026-11-23',
  status: 'awaiting-triage',
  whatHappened: bins,
  anonymised: false,
};
const other: DuplicateFacts = {
  ...complaint,
  id: '019a0000-0000-7000-8000-000000000001',
  receivedOn: '2026-11-02',
  status: 'stage-1',
  whatHappened: 'I reported my missed bin collection three times and nobody collected it.',
};

// The window is the council's duplicateComplaintWindowDays (28 by default).
describe('which complaints are flagged at triage as possible duplicates', () => {
  it.each([
    ['the same person, service and matter, three weeks before', {}, {}, true],
    ['received after it, within the window', { receivedOn: '2026-12-21' }, {}, true],
    ['exactly the window’s days before', { receivedOn: '2026-10-26' }, {}, true],
    ['a day outside the window', { receivedOn: '2026-10-25' }, {}, false],
    ['another person', { customerId: 'customer-2' }, {}, false],
    ['another service', { serviceId: 'housing' }, {}, false],
    ['neither names a service', { serviceId: null }, { serviceId: null }, true],
    ['one names no service', { serviceId: null }, {}, false],
    ['itself', { id: complaint.id }, {}, false],
    ['already merged into another', { status: 'merged' }, {}, false],
    ['closed, and so answered', { status: 'closed' }, {}, true],
    ['anonymised', { anonymised: true }, {}, false],
    ['in different words', { whatHappened: 'The officer was rude to me at the door.' }, {}, false],
  ] as const)('%s', (_case, otherChange, complaintChange, flagged) => {
    expect(
      isPossibleDuplicate(
        { ...complaint, ...complaintChange },
        { ...other, ...otherChange },
        {
          windowDays: 28,
          keptApart: false,
        },
      ),
    ).toBe(flagged);
  });

  it('does not flag again a pair an officer kept apart', () => {
    expect(isPossibleDuplicate(complaint, other, { windowDays: 28, keptApart: true })).toBe(false);
  });

  it('follows the council’s window', () => {
    const early = { ...other, receivedOn: '2026-11-12' };
    expect(isPossibleDuplicate(complaint, early, { windowDays: 10, keptApart: false })).toBe(false);
    expect(isPossibleDuplicate(complaint, early, { windowDays: 11, keptApart: false })).toBe(true);
  });

  it('looks the window’s days either side of receipt, across months and years', () => {
    expect(duplicateWindow('2026-01-10', 28)).toEqual({ from: '2025-12-13', to: '2026-02-07' });
  });

  it('records a pair once whichever side it was seen from', () => {
    expect(pairOf(complaint.id, other.id)).toEqual(pairOf(other.id, complaint.id));
    expect(pairOf(complaint.id, other.id).complaintId).toBe(other.id);
  });
});
