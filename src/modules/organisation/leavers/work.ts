import type { Kysely } from 'kysely';
import type { Role } from '../../../platform/auth/roles.ts';
import type { Database } from '../../../platform/db/schema.ts';

// Open work a person holds in another module, as that module tells it: how much of it each person
// holds, and moving all of it from one person to another. Every module that gives work to a named
// person contributes its kinds through its own service; app.ts hands them to the organisation,
// which every module uses and so cannot import.
export type HeldWork = {
  // A code for the kind of work, unique across modules ('gift-approvals').
  kind: string;
  module: string;
  // What it is, said of the person who holds it: 'Gifts and hospitality waiting for their approval'.
  title: string;
  // Where the person it moves to finds it.
  href: string;
  // The roles one of which the person it moves to must hold; none: anyone active in the council.
  roles: readonly Role[];
  // How many each of these people hold today, read through `q` (the caller's transaction or db).
  held(
    q: Kysely<Database>,
    councilId: string,
    personIds: readonly string[],
    today: string,
  ): Promise<Map<string, number>>;
  // Moves what `from` holds to `to` in the caller's transaction: the ids of the records moved. Work
  // the rules keep from `to` (their own gift, a stage 2 after their stage 1) stays where it is.
  move(
    trx: Kysely<Database>,
    councilId: string,
    from: string,
    to: { id: string; name: string },
    today: string,
  ): Promise<string[]>;
};

// Counts by person from rows of (person, count).
export function countsByPerson(
  rows: readonly { person: string | null; count: number }[],
): Map<string, number> {
  return new Map(rows.flatMap((row) => (row.person ? [[row.person, Number(row.count)] as const] : [])));
}
