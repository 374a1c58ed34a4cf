import { describe, expect, it } from 'vitest';
import { postcodeOf, postcodePattern } from './subject.ts';

// A resident visited is found by their name at their postcode: the postcode must be theirs
// exactly, not the end of a longer one, or a namesake elsewhere would be in their export.
describe('a postcode in an address', () => {
  const holds = (address: string, postcode: string) => new RegExp(postcodePattern(postcode)).test(address);

  it.each([
    ['1 HIGH STREET, LONDON E1 1AA', true],
    ['1 HIGH STREET, LONDON E11AA', true],
    ['E1 1AA', true],
    ['1 HIGH STREET, LONDON SE1 1AA', false],
    ['1 HIGH STREET, LONDON E1 1AAB', false],
    ['1 HIGH STREET, LONDON E1 1AB', false],
  ])('%s holds E1 1AA: %s', (address, expected) => {
    expect(holds(address, 'E11AA')).toBe(expected);
  });

  it('reads the postcode from an address as the pattern takes it', () => {
    expect(postcodeOf('2 Mill Lane, Leeds ls1 4ap')).toBe('LS14AP');
    expect(holds('2 MILL LANE, LEEDS LS1 4AP', 'LS14AP')).toBe(true);
  });
});
