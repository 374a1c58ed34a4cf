import { describe, expect, it } from 'vitest';
import { penceOf, remedyText, responseLetterKind, summaryText } from './rules.ts';

describe('an amount of financial redress, typed in pounds', () => {
  it.each([
    ['120', 12000],
    ['120.50', 12050],
    ['£1,200', 120000],
    ['£ 75.05', 7505],
    ['120.5', null],
    ['twelve', null],
    ['-5', null],
    ['', null],
  ])('%s', (typed, pence) => {
    expect(penceOf(typed)).toBe(pence);
  });
});

describe('a remedy as the response letter lists it', () => {
  it.each([
    [{ kind: 'apology', description: 'A written apology', amountPence: null }, 'Apology: A written apology'],
    [
      { kind: 'financial-redress', description: 'For the missed bins', amountPence: 12050 },
      'Financial redress of £120.50: For the missed bins',
    ],
    [{ kind: 'unknown', description: 'Kept as given', amountPence: null }, 'unknown: Kept as given'],
  ])('%j', (remedy, text) => {
    expect(remedyText(remedy)).toBe(text);
  });
});

describe('the response letter for a stage (the Code: two stages; or the council’s one)', () => {
  it.each([
    ['complaint-handling-code', 1, 'stage-1-response'],
    ['complaint-handling-code', 2, 'stage-2-response'],
    ['single-stage', 1, 'single-stage-response'],
  ] as const)('%s, stage %i', (regime, stage, kind) => {
    expect(responseLetterKind(regime, stage)).toBe(kind);
  });
});

describe('what happened, as the acknowledgement quotes it', () => {
  it('keeps a short account whole and cuts a long one to 500 characters', () => {
    expect(summaryText('Short.')).toBe('Short.');
    const cut = summaryText('x'.repeat(600));
    expect(cut).toHaveLength(498);
    expect(cut.endsWith('…')).toBe(true);
  });
});
