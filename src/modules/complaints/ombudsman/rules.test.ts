import { describe, expect, it } from 'vitest';
import {
  allowedSteps,
  checkEnquiry,
  checkStep,
  defaultOmbudsman,
  type OmbudsmanCaseFacts,
  overdue,
  refusalOf,
  type Step,
  type StepInput,
  statusOf,
} from './rules.ts';

const fresh: OmbudsmanCaseFacts = {
  respondedOn: null,
  decision: null,
  remedyDueOn: null,
  remedyDoneOn: null,
  closedOn: null,
};
const responded = { ...fresh, respondedOn: '2026-10-01' };
const faultInjustice = { ...responded, decision: 'fault-injustice' as const };
const noFault = { ...responded, decision: 'no-fault' as const };
const remedyDue = { ...faultInjustice, remedyDueOn: '2026-12-01' };
const remedyDone = { ...remedyDue, remedyDoneOn: '2026-11-20' };
const closed = { ...remedyDone, closedOn: '2026-11-21' };

describe('the Ombudsman case transition table (DOMAIN.md §3: "enquiries and decisions (fault found or not, remedy) are tracked")', () => {
  it.each([
    ['an enquiry just received', fresh, 'enquiry', ['response', 'decision']],
    // The Ombudsman may decide not to investigate before we respond.
    ['our response sent', responded, 'responded', ['decision']],
    ['fault with injustice found', faultInjustice, 'decided', ['remedy', 'close']],
    ['no fault found: nothing to remedy', noFault, 'decided', ['close']],
    ['a remedy agreed', remedyDue, 'remedy-agreed', ['remedy-done']],
    ['the remedy done', remedyDone, 'remedy-done', ['close']],
    ['closed', closed, 'closed', []],
  ] as const)('%s: %s, may %j', (_case, facts, status, steps) => {
    expect(statusOf(facts)).toBe(status);
    expect(allowedSteps(facts)).toEqual(steps);
  });

  it.each([
    [fresh, 'remedy', 'A remedy can only be recorded after a decision of fault with injustice'],
    [noFault, 'remedy', 'A remedy can only be recorded after a decision of fault with injustice'],
    [remedyDue, 'close', 'The case cannot be closed until the remedy is done'],
    [responded, 'response', 'This case is responded, awaiting decision: you cannot record our response'],
    [closed, 'decision', 'This case is closed: you cannot record the decision'],
    [faultInjustice, 'remedy', null],
  ] as [OmbudsmanCaseFacts, Step, string | null][])(
    'refuses a move the table does not allow (%j, %s)',
    (facts, step, refusal) => {
      expect(refusalOf(facts, step)).toBe(refusal);
    },
  );
});

describe('which Ombudsman (003 §5.5, §8.1: the Housing Ombudsman for housing related complaints)', () => {
  it.each([
    [true, 'housing'],
    [false, 'lgsco'],
  ])('housing %s → %s', (housing, ombudsman) => expect(defaultOmbudsman(housing)).toBe(ombudsman));
});

describe('recording an enquiry', () => {
  const today = '2026-11-23';
  const good = {
    ombudsman: 'lgsco',
    theirReference: '25 012 345',
    receivedOn: '2026-11-20',
    enquiry: 'Copies of the stage 2 response',
    respondBy: '2026-12-18',
  };
  it.each([
    ['a complete enquiry', {}, []],
    ['no respond-by date (optional)', { respondBy: '' }, []],
    ['no Ombudsman chosen', { ombudsman: '' }, ['ombudsman']],
    ['an unknown Ombudsman', { ombudsman: 'parliamentary' }, ['ombudsman']],
    ['no received date', { receivedOn: '' }, ['receivedOn']],
    ['an impossible received date', { receivedOn: 'not-a-date' }, ['receivedOn']],
    ['received in the future', { receivedOn: '2026-11-24' }, ['receivedOn']],
    ['nothing asked', { enquiry: '' }, ['enquiry']],
    ['a deadline before it arrived', { respondBy: '2026-11-19' }, ['respondBy']],
    ['an over-long reference', { theirReference: 'x'.repeat(101) }, ['theirReference']],
  ])('%s', (_case, change, keys) => {
    expect(checkEnquiry({ ...good, ...change }, today).map((error) => error.key)).toEqual(keys);
  });
});

describe('recording a step', () => {
  const empty: StepInput = {
    respondedOn: '',
    decision: '',
    decidedOn: '',
    remedy: '',
    remedyDueOn: '',
    remedyDoneOn: '',
    closedOn: '',
  };
  const received = '2026-10-01';
  const today = '2026-11-23';
  it.each([
    ['response', { respondedOn: '2026-10-20' }, []],
    ['response', {}, ['respondedOn']],
    ['response', { respondedOn: '2026-09-30' }, ['respondedOn']], // before the enquiry
    ['response', { respondedOn: '2026-11-24' }, ['respondedOn']], // in the future
    ['decision', { decision: 'fault-injustice', decidedOn: '2026-11-02' }, []],
    ['decision', { decision: 'guilty', decidedOn: '2026-11-02' }, ['decision']],
    ['decision', { decision: 'no-fault' }, ['decidedOn']],
    // A remedy is due in the future, usually.
    ['remedy', { remedy: 'Apologise and pay £250', remedyDueOn: '2027-01-05' }, []],
    ['remedy', { remedyDueOn: '2027-01-05' }, ['remedy']],
    ['remedy', { remedy: 'Apologise' }, ['remedyDueOn']],
    ['remedy-done', { remedyDoneOn: '2026-11-23' }, []],
    ['close', { closedOn: '' }, ['closedOn']],
  ] as [Step, Partial<StepInput>, string[]][])('%s with %j', (step, change, keys) => {
    expect(checkStep(step, { ...empty, ...change }, received, today).map((error) => error.key)).toEqual(keys);
  });
});

describe('overdue against the date the Ombudsman set', () => {
  it.each([
    [null, null, false],
    ['2026-11-22', null, true],
    ['2026-11-23', null, false],
    ['2026-11-20', '2026-11-21', true],
    ['2026-11-20', '2026-11-20', false],
  ])('due %s, done %s → %s', (due, done, expected) =>
    expect(overdue(due, done, '2026-11-23')).toBe(expected),
  );
});
