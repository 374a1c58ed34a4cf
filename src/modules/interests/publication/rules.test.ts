import { describe, expect, it } from 'vitest';
import { declarationKinds } from '../declarations/rules.ts';
import { isPublishable, publishedParties } from './rules.ts';

describe('kinds of interest the published register may show', () => {
  it.each([
    ['financial-interest', true],
    ['business-interest', true],
    ['secondary-employment', true],
    ['position-of-influence', true],
    ['non-financial-interest', false],
    ['membership', false],
    ['contractor-relationship', false],
    ['councillor-relationship', false],
    ['close-associate', false],
    ['planning-application', false],
    ['legacy-or-prize', false],
    ['criminal-matter', false],
    ['known-customer', false],
  ])('%s: %s', (kind, published) => {
    expect(isPublishable(kind)).toBe(published);
  });

  it('decides for every kind of declaration, and publishes no unknown kind', () => {
    expect(declarationKinds.filter(isPublishable)).toHaveLength(4);
    expect(isPublishable('something-new')).toBe(false);
  });

  it('names organisations but never the people a declaration names', () => {
    expect(
      publishedParties([
        { kind: 'organisation', name: 'Riverside Trust' },
        { kind: 'person', name: 'Sam Okafor' },
      ]),
    ).toEqual(['Riverside Trust']);
  });
});
