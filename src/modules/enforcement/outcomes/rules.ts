import { isIsoDate } from '../../../platform/calendar/working-days.ts';
import type { FieldError } from '../../../platform/errors.ts';
import { noticeCitation } from '../cases/rules.ts';
import type { OutcomeKind, Present } from '../tables.ts';

// What a visit's outcome on an enforcement case says and whether it may stand (DOMAIN.md §5,
// 004): payment taken with the manual receipt number, a payment arrangement, goods taken into
// control (not before the notice's 7 clear days, TCG Regs 2013 reg 6; not where only children or
// vulnerable people are present, reg 10), the warrant returned with a reason, or no contact.

export const outcomeNames: Record<OutcomeKind, string> = {
  'payment-taken': 'Payment taken',
  arrangement: 'Payment arrangement',
  'goods-controlled': 'Goods taken into control',
  'warrant-returned': 'Warrant returned',
  'no-contact': 'No contact',
};
export const outcomeKinds = Object.keys(outcomeNames) as OutcomeKind[];

export const presentNames: Record<Present, string> = {
  debtor: 'The debtor',
  'other-adult': 'Another adult, not vulnerable',
  child: 'A child (under 16)',
  'vulnerable-person': 'A vulnerable person',
};
export const presentKinds = Object.keys(presentNames) as Present[];

export const reg10Refusal =
  'Goods cannot be taken into control when the only people present are children or vulnerable people (Taking Control of Goods Regulations 2013 reg 10)';

// Regulation 10: no taking control where the only people present are children or vulnerable people.
export function onlyChildrenOrVulnerable(present: readonly Present[]): boolean {
  return present.length > 0 && present.every((who) => who === 'child' || who === 'vulnerable-person');
}

export type Goods = { description: string; valuePence: number };

export type OutcomeInput = {
  kind: OutcomeKind;
  visitedOn: string;
  present: Present[];
  amountPence: number | null;
  receiptNumber: string;
  reason: string;
  goods: Goods[];
  instalments: { dueOn: string; amountPence: number }[];
  vulnerability: string;
  notes: string;
};

// The facts the rules need about the case when the outcome is recorded.
export type OutcomeContext = { today: string; earliestTakingControl: string | null; held: boolean };

export function outcomeErrors(input: OutcomeInput, context: OutcomeContext): FieldError[] {
  const errors: FieldError[] = [];
  if (!isIsoDate(input.visitedOn)) errors.push({ key: 'visitedOn', message: 'Enter the date of the visit' });
  else if (input.visitedOn > context.today)
    errors.push({ key: 'visitedOn', message: 'The visit cannot be in the future' });
  if (input.kind === 'payment-taken') {
    if (!input.amountPence || input.amountPence <= 0)
      errors.push({ key: 'amount', message: 'Enter the amount taken, in pounds and pence' });
    if (!input.receiptNumber.trim())
      errors.push({ key: 'receiptNumber', message: 'Enter the manual receipt number' });
  }
  if (input.kind === 'warrant-returned' && !input.reason.trim())
    errors.push({ key: 'reason', message: 'Enter why the warrant is returned' });
  if (input.kind === 'goods-controlled') errors.push(...takingControlErrors(input, context));
  return errors;
}

function takingControlErrors(input: OutcomeInput, context: OutcomeContext): FieldError[] {
  if (context.held || input.vulnerability.trim())
    return [
      {
        key: 'kind',
        message:
          'Recovery action on this account is suspended for vulnerability: goods cannot be taken into control [004]',
      },
    ];
  if (input.present.length === 0) return [{ key: 'present', message: 'Say who was present at the visit' }];
  if (onlyChildrenOrVulnerable(input.present)) return [{ key: 'present', message: reg10Refusal }];
  if (context.earliestTakingControl === null)
    return [
      {
        key: 'kind',
        message: `No notice of enforcement has been given: goods cannot be taken into control (${noticeCitation})`,
      },
    ];
  if (input.visitedOn < context.earliestTakingControl)
    return [
      {
        key: 'kind',
        message: `The notice of enforcement’s 7 clear days have not passed: goods may be taken into control from ${context.earliestTakingControl} (${noticeCitation})`,
      },
    ];
  if (input.goods.length === 0) return [{ key: 'goods', message: 'List the goods taken into control' }];
  if (
    input.goods.some(
      (item) => !item.description.trim() || !Number.isInteger(item.valuePence) || item.valuePence < 0,
    )
  )
    return [{ key: 'goods', message: 'Each item needs a description and an estimated value' }];
  return [];
}
