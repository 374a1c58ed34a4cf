import type { Kysely } from 'kysely';
import { actorFor, recordAccess } from '../../platform/audit/audit-trail.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { londonDate } from '../../platform/calendar/daylight.ts';
import type { Database } from '../../platform/db/schema.ts';
import { councilName, type ModuleDeps, personNamesById } from '../organisation/service.ts';
import { complaintFacts } from './complaint-facts.ts';
import { letterPdf } from './pdf.ts';
import { can } from './policy.ts';
import * as repo from './repository.ts';
import { kindNames } from './templates/kinds.ts';

// A letter as shown and printed: as stored, with the complaint's reference and the sender's name.
export type Letter = Omit<repo.StoredLetter, 'sentBy'> & {
  complaintReference: string | null;
  kindName: string;
  sentByName: string | null;
};

/** A letter's PDF file name: the complaint reference (or "letter") and the kind. */
export function letterFileName(letter: Pick<Letter, 'complaintReference' | 'kind' | 'sentAt'>): string {
  return `${letter.complaintReference ?? `letter-${londonDate(letter.sentAt)}`}-${letter.kind}.pdf`;
}

export function shownLetter(
  { sentBy: _sentBy, ...letter }: repo.StoredLetter,
  names: { complaintReference: string | null; sentByName: string | null },
): Letter {
  return { ...letter, kindName: kindNames[letter.kind] ?? letter.kind, ...names };
}

// The stored letters with their complaints' references and their senders' names, read together.
async function shown(q: Kysely<Database>, councilId: string, stored: repo.StoredLetter[]): Promise<Letter[]> {
  const complaintIds = stored.flatMap((letter) => (letter.complaintId ? [letter.complaintId] : []));
  const references = complaintIds.length
    ? await complaintFacts().referencesOf(q, councilId, complaintIds)
    : new Map<string, string>();
  const senders = await personNamesById(
    q,
    councilId,
    stored.map((letter) => letter.sentBy),
  );
  return stored.map((letter) =>
    shownLetter(letter, {
      complaintReference: letter.complaintId ? (references.get(letter.complaintId) ?? null) : null,
      sentByName: letter.sentBy ? (senders.get(letter.sentBy) ?? null) : null,
    }),
  );
}

export async function letter({ db }: ModuleDeps, councilId: string, id: string): Promise<Letter | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const found = await repo.findLetter(db, councilId, id);
  return found ? ((await shown(db, councilId, [found]))[0] ?? null) : null;
}

/** A letter for a signed-in viewer who may see it, with the view recorded; else null. */
export async function letterFor(
  deps: ModuleDeps,
  principal: Principal,
  id: string,
  requestId?: string,
): Promise<Letter | null> {
  const found = await letter(deps, principal.councilId, id);
  if (!found || !can(principal, 'read', found)) return null;
  await recordAccess(
    deps.db,
    actorFor(principal, requestId),
    { action: 'letter.viewed', recordType: 'letter', recordId: id },
    deps.clock.now(),
  );
  return found;
}

export async function lettersAbout(
  { db }: ModuleDeps,
  councilId: string,
  about: { complaintId: string } | { customerId: string },
): Promise<Letter[]> {
  return shown(db, councilId, await repo.lettersAbout(db, councilId, about));
}

export async function pdfOf({ db }: ModuleDeps, letter: Letter): Promise<Buffer> {
  return letterPdf(letter, await councilName(db, letter.councilId));
}
