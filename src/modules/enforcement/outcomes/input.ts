import { z } from 'zod';
import { formChoices, formText } from '../../../platform/web/form-kit.ts';
import { maxInstalments } from '../arrangements/rules.ts';
import { pence } from '../cases/input.ts';
import type { Present } from '../tables.ts';
import { type OutcomeInput, outcomeKinds, presentKinds } from './rules.ts';

// A visit's outcome, from the form (goods and instalments one a line) or over the API.

const isPresent = (value: string): value is Present => (presentKinds as string[]).includes(value);

// "Television, £250" → a description and its value; a line that does not read so keeps NaN for the rule to refuse.
function goodsLines(text: string) {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const at = line.lastIndexOf(',');
      return at < 0
        ? { description: line, valuePence: Number.NaN }
        : { description: line.slice(0, at).trim(), valuePence: pence(line.slice(at + 1)) };
    });
}

// "2026-12-13, £50.00" → an instalment.
function instalmentLines(text: string) {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [dueOn = '', amount = ''] = line.split(',').map((part) => part.trim());
      return { dueOn, amountPence: pence(amount) };
    });
}

export const outcomeForm = z
  .object({
    kind: z.enum(outcomeKinds as [OutcomeInput['kind']], { message: 'Choose what happened' }),
    visitedOn: formText,
    present: formChoices,
    amount: formText,
    receiptNumber: formText,
    reason: formText,
    goods: formText,
    instalments: formText,
    vulnerability: formText,
    notes: formText,
  })
  .transform(
    (body): OutcomeInput => ({
      kind: body.kind,
      visitedOn: body.visitedOn,
      present: body.present.filter(isPresent),
      amountPence: body.amount ? pence(body.amount) : null,
      receiptNumber: body.receiptNumber,
      reason: body.reason,
      goods: goodsLines(body.goods),
      instalments: instalmentLines(body.instalments),
      vulnerability: body.vulnerability,
      notes: body.notes,
    }),
  );

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const outcomeBody = z.object({
  kind: z.enum(outcomeKinds as [OutcomeInput['kind']]),
  visitedOn: isoDate,
  present: z
    .array(z.enum(presentKinds as [Present]))
    .default([])
    .describe('Who was present (regulation 10)'),
  amountPence: z.number().int().positive().nullable().default(null).describe('Payment taken'),
  receiptNumber: z.string().max(40).default('').describe('The manual receipt number, for a payment taken'),
  reason: z.string().max(2000).default('').describe('Why the warrant is returned'),
  goods: z
    .array(z.object({ description: z.string().min(1).max(200), valuePence: z.number().int().nonnegative() }))
    .max(100)
    .default([])
    .describe('Goods taken into control, each with its estimated value'),
  instalments: z
    .array(z.object({ dueOn: isoDate, amountPence: z.number().int().positive() }))
    .max(maxInstalments)
    .default([])
    .describe('A payment arrangement’s instalments; together they make up the balance outstanding'),
  vulnerability: z
    .string()
    .max(5000)
    .default('')
    .describe('Vulnerability identified: suspends recovery on the account'),
  notes: z.string().max(5000).default(''),
});
