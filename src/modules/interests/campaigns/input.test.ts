import { describe, expect, it } from 'vitest';
import { campaignInput } from './input.ts';

describe('a campaign as sent', () => {
  it.each([null, undefined, [], 'x', 42])(
    '%j is refused as a whole, without checking its services',
    (value) => {
      const parsed = campaignInput.safeParse(value);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((issue) => issue.path)).toEqual([[]]);
    },
  );

  it('says a service is missing alongside the other fields’ errors', () => {
    const parsed = campaignInput.safeParse({ name: '', dueOn: '2027-01-31', scope: 'services' });
    expect(parsed.error?.issues.map((issue) => issue.path[0])).toEqual(['name', 'serviceIds']);
  });
});
