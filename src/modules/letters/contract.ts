import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import type { Database } from '../../platform/db/schema.ts';

// What a module asks of the letters service: a letter of one of the kinds
// it sends, written from the council's templates and put in the outbox in the caller's transaction.
export type LetterRequest<Kind extends string> = {
  councilId: string;
  kind: Kind;
  complaintId: string | null;
  customerId: string;
  recipient: { name: string; email: string; address: string };
  /** The kind's caller values (templates/kinds.ts callerValues); extra values are ignored. */
  values: Record<string, string>;
  /** The Housing Ombudsman rather than the LGSCO; by default, whether the complaint is about housing. */
  housing?: boolean;
  /** Null when no one signed in sent it (the complainant online, a scheduled job). */
  sentBy: Actor | null;
  at: Date;
};

export type LetterWriter<Kind extends string> = {
  write(trx: Kysely<Database>, input: LetterRequest<Kind>): Promise<{ id: string }>;
};

// The letters about a customer's behaviour.
export type CustomerLetterKind =
  | 'warning'
  | 'final-warning'
  | 'vexatious'
  | 'restriction-review'
  | 'review-request-answer';

export type CustomerLetters = LetterWriter<CustomerLetterKind>;
