import { describe, expect, it } from 'vitest';
import { demoCouncil } from '../councils/demo-council.ts';
import { policyFields } from './catalogue.ts';
import { displayValue, parsePolicyForm, toFormValue } from './form.ts';
import { defaultPolicy, readPolicy } from './settings.ts';

const form = (overrides: Record<string, string | string[]> = {}) => {
  const defaults = defaultPolicy() as Record<string, unknown>;
  return {
    ...Object.fromEntries(
      policyFields.map((f) => [
        f.key,
        f.kind === 'choices' ? defaults[f.key] : toFormValue(f, defaults[f.key]),
      ]),
    ),
    ...overrides,
  };
};

describe('policy defaults (DOMAIN.md)', () => {
  it.each([
    ['giftRecordingThresholdPence', 5000, '001 §64: £50'],
    ['giftReviewMonths', 3, '001 §73: quarterly review'],
    ['giftThresholdComparison', 'more-than', '001 §64: gifts over £50'],
    ['restrictionReviewMonths', 4, '003 vexatious procedure §4.6: every 4 months'],
    ['complainantRetentionMonths', 18, '003 vexatious procedure §7.1: 18 months'],
    ['stage1AcknowledgeDays', 5, 'Complaint Handling Code: 5 working days'],
    ['stage2RespondDays', 20, 'Complaint Handling Code: 20 working days'],
    ['singleStageAcknowledgeDays', 3, '003 §5.3: 3 working days'],
    ['outOfHoursFrom', '18:00', '000: after 18.00'],
    ['latestVisit', '20:00', '000: no un-notified visit after 20:00'],
    ['enforcementFrom', '06:00', '004 and TCG Regulations 2013: 06:00 to 21:00'],
    ['enforcementUntil', '21:00', '004 and TCG Regulations 2013: 06:00 to 21:00'],
    ['checkInEscalateToResponsibleMinutes', 15, 'DOMAIN.md §5: 15 minutes after the check-in was due'],
    ['checkInEscalateToManagerMinutes', 30, 'DOMAIN.md §5: 30 minutes after the check-in was due'],
    ['checkInEscalateToEmergencyMinutes', 45, 'DOMAIN.md §5: 45 minutes after the check-in was due'],
    ['arrangementGraceDays', 7, 'DOMAIN.md §5 / 004: instalment missed after 7 days'],
    ['safeguardingContactEmail', '', '000 Safeguarding: set by each council'],
    ['maxAverageWeeklyHours', 48, '003 Appendix V §7.8: Working Time Regulations'],
    ['headOfDevelopmentEmail', '', '001 §47: set by each council'],
    ['interestRegisterPublished', false, '002 Monitoring: a council chooses to publish'],
    ['travelRoadFactor', 1.3, 'route planning (DOMAIN.md §5 Planning): straight-line to road distance'],
    ['travelSpeedKmh', 25, 'route planning (DOMAIN.md §5 Planning): urban driving'],
  ] as const)('%s is %s (%s)', (key, value, _source) => {
    expect(defaultPolicy()[key]).toBe(value);
  });
});

describe('register of interests defaults', () => {
  it('asks the chief executive, directors, heads of service and the monitoring officer for the related party return (001 §49)', () => {
    expect(defaultPolicy().relatedPartyRoles).toEqual([
      'chief-executive',
      'director',
      'head-of-service',
      'monitoring-officer',
    ]);
  });

  it('would publish every offered field of senior officers’ interests once publishing is turned on', () => {
    const field = policyFields.find((f) => f.key === 'interestPublicationFields');
    expect(defaultPolicy().interestPublicationFields).toEqual(field?.options.map((option) => option.value));
  });

  it('gives the demo council its Head of Planning as Head of Development', () => {
    expect(readPolicy(demoCouncil.policy).headOfDevelopmentEmail).toBe('tom.whitfield@demo.probity.test');
  });
});

describe('the policy form', () => {
  it('reads a road factor with its decimals', () => {
    const result = parsePolicyForm(form({ travelRoadFactor: '1.45', travelSpeedKmh: '30' }));
    expect(result.ok && result.settings).toMatchObject({ travelRoadFactor: 1.45, travelSpeedKmh: 30 });
  });

  it('reads pounds into pence, yes/no into booleans and keeps times', () => {
    const result = parsePolicyForm(
      form({ giftRecordingThresholdPence: '£20', hospitalityNeedsApproval: 'no', outOfHoursFrom: '17:30' }),
    );
    expect(result.ok && result.settings).toMatchObject({
      giftRecordingThresholdPence: 2000,
      hospitalityNeedsApproval: false,
      outOfHoursFrom: '17:30',
    });
  });

  it.each([
    ['giftRecordingThresholdPence', '', 'Enter recording threshold'],
    [
      'giftRecordingThresholdPence',
      '12.345',
      'Recording threshold must be an amount in pounds, like 50 or 20.00',
    ],
    ['giftRecordingThresholdPence', '1000.01', 'Recording threshold must be £1000.00 or less'],
    ['sessionIdleMinutes', '2', 'Sign out after inactivity must be 5 or more'],
    ['sessionIdleMinutes', '7.5', 'Sign out after inactivity must be a whole number'],
    ['latestVisit', '8pm', 'No un-notified visit after must be a 24-hour time, like 18:00'],
    [
      'checkInEscalateToResponsibleMinutes',
      '0',
      'Missed check-in: tell the responsible officer after must be 1 or more',
    ],
    [
      'checkInEscalateToEmergencyMinutes',
      '481',
      'Missed check-in: emergency escalation after must be 480 or less',
    ],
    [
      'fraudReferralEmail',
      'payments team',
      'Fraud referrals go to must be an email address, like name@council.gov.uk',
    ],
    [
      'hospitalityNeedsApproval',
      'maybe',
      'Select hospitality other than minor needs advance approval by the head of service',
    ],
    ['complaintRegime', 'three-stage', 'Select complaint handling regime'],
    ['travelRoadFactor', '0.9', 'Road distance over straight-line distance must be 1 or more'],
    ['travelRoadFactor', '3.5', 'Road distance over straight-line distance must be 3 or less'],
    [
      'travelRoadFactor',
      '1.333',
      'Road distance over straight-line distance must be a number with up to two decimal places, like 1.3',
    ],
    ['travelSpeedKmh', '4', 'Average driving speed between visits must be 5 or more'],
    ['travelSpeedKmh', '101', 'Average driving speed between visits must be 100 or less'],
    [
      'headOfDevelopmentEmail',
      'tom.whitfield',
      'Head of Development’s email address must be an email address, like name@council.gov.uk',
    ],
    ['complaintsPolicyName', '', 'Enter the name of the complaints policy'],
    [
      'complaintsPolicyName',
      'x'.repeat(151),
      'Name of the complaints policy must be 150 characters or fewer',
    ],
    [
      'complaintsPolicyUrl',
      'http://council.example/complaints',
      'Web address of the complaints policy must be a web address starting with https://',
    ],
    [
      'complaintsPolicyUrl',
      'javascript:alert(1)',
      'Web address of the complaints policy must be a web address starting with https://',
    ],
  ])('refuses %s = %j: %s', (key, value, message) => {
    const result = parsePolicyForm(form({ [key]: value }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toContainEqual({ key, message });
  });

  it('takes the council’s name for a policy and where it publishes it, or no address', () => {
    const named = parsePolicyForm(
      form({ officersCodeName: ' Staff Code ', officersCodeUrl: 'https://council.example/code' }),
    );
    expect(named.ok && named.settings).toMatchObject({
      officersCodeName: 'Staff Code',
      officersCodeUrl: 'https://council.example/code',
    });
    const unpublished = parsePolicyForm(form({ officersCodeUrl: '' }));
    expect(unpublished.ok && unpublished.settings.officersCodeUrl).toBe('');
    expect(readPolicy({ officersCodeName: 'Line one\nline two' }).officersCodeName).toBe(
      'Officers’ Code of Conduct',
    );
  });

  it('reads ticked boxes as a list, none ticked as an empty list, and refuses unknown ones', () => {
    const ticked = parsePolicyForm(form({ giftPublicationFields: ['offeror', 'date'] }));
    expect(ticked.ok && ticked.settings.giftPublicationFields).toEqual(['offeror', 'date']);
    const none = parsePolicyForm({ ...form(), giftPublicationFields: undefined } as Record<string, unknown>);
    expect(none.ok && none.settings.giftPublicationFields).toEqual([]);
    const unknown = parsePolicyForm(form({ giftPublicationFields: ['offeror', 'homeAddress'] }));
    expect(!unknown.ok && unknown.errors).toContainEqual({
      key: 'giftPublicationFields',
      message: 'Select published fields from the list',
    });
  });

  it('accepts an email address, or none when nobody holds the post', () => {
    const set = parsePolicyForm(form({ headOfDevelopmentEmail: ' head.of.development@council.gov.uk ' }));
    expect(set.ok && set.settings.headOfDevelopmentEmail).toBe('head.of.development@council.gov.uk');
    const empty = parsePolicyForm(form({ headOfDevelopmentEmail: '' }));
    expect(empty.ok && empty.settings.headOfDevelopmentEmail).toBe('');
  });

  it('offers only roles for the related party return', () => {
    const ticked = parsePolicyForm(form({ relatedPartyRoles: ['director', 'hr'] }));
    expect(ticked.ok && ticked.settings.relatedPartyRoles).toEqual(['director', 'hr']);
    const unknown = parsePolicyForm(form({ relatedPartyRoles: ['system-administrator'] }));
    expect(!unknown.ok && unknown.errors).toContainEqual({
      key: 'relatedPartyRoles',
      message: 'Select who completes the related party transactions return from the list',
    });
  });

  it('ignores stored values that no longer fit, keeping the default', () => {
    expect(readPolicy({ giftRecordingThresholdPence: -1, sessionIdleMinutes: 45, unknown: 1 })).toMatchObject(
      {
        giftRecordingThresholdPence: 5000,
        sessionIdleMinutes: 45,
      },
    );
  });

  it('shows values as people read them', () => {
    const money = policyFields.find((f) => f.key === 'giftRecordingThresholdPence');
    const months = policyFields.find((f) => f.key === 'restrictionReviewMonths');
    if (!money || !months) throw new Error('missing fields');
    expect(displayValue(money, 2000)).toBe('£20.00');
    expect(displayValue(months, 4)).toBe('4 months');
    const email = policyFields.find((f) => f.key === 'headOfDevelopmentEmail');
    const roles = policyFields.find((f) => f.key === 'relatedPartyRoles');
    if (!email || !roles) throw new Error('missing fields');
    expect(displayValue(email, '')).toBe('Not set');
    expect(displayValue(roles, ['director', 'monitoring-officer'])).toBe(
      'Director or deputy chief executive, Monitoring officer',
    );
  });
});
