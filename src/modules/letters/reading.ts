import type { Kysely } from 'kysely';
import { actorFor, recordAccess } from '../../platform/audit/audit-trail.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { londonDate } from '../../platform/calendar/daylight.ts';
import type { Database } from '../../platform/db/schema.ts';
import { councilName, type ModuleDeps, personNamesById } from '../organisation/service.ts';
import { complaintFacts } from './complaint-facts.ts';
import { stateNames } from './drafts/rules.ts';
import { letterPdf } from './pdf.ts';
import { can } from './policy.ts';
import * as repo from './repository.ts';
import { kindNames } from './templates/kinds.ts';

type PeopleNames = {
  sentByName: string | null;
  writtenByName: string | null;
  submittedByName: string | null;
  approvedByName: string | null;
  returnedByName: string | null;
};

// A letter as shown and printed: as stored, with the complaint's reference, the people's names,
// and the date it bears: the day it was sent, or for one not sent yet the day it is read (the
// day it would bear if sent now).
export type Letter = repo.StoredLetter &
  PeopleNames & {
    complaintReference: string | null;
    kindName: string;
    stateName: string;
    datedAt: Date;
  };

/** A letter's PDF file name: the complaint reference (or "letter") and the kind. */
export function letterFileName(letter: Pick<Letter, 'complaintReference' | 'kind' | 'datedAt'>): string {
  return `${letter.complaintReference ?? `letter-${londonDate(letter.datedAt)}`}-${letter.kind}.pdf`;
}

export function shownLetter(
  letter: repo.StoredLetter,
  known: { complaintReference: string | null; names?: ReadonlyMap<string, string>; now: Date },
): Letter {
  const name = (id: string | null) => (id ? (known.names?.get(id) ?? null) : null);
  return {
    ...letter,
    kindName: kindNames[letter.kind] ?? letter.kind,
    stateName: stateNames[letter.state],
    complaintReference: known.complaintReference,
    datedAt: letter.sentAt ?? known.now,
    sentByName: name(letter.sentBy),
    writtenByName: name(letter.writtenBy),
    submittedByName: name(letter.submittedBy),
    approvedByName: name(letter.approvedBy),
    returnedByName: name(letter.returnedBy),
  };
}

// The stored letters with their complaints' references and their people's names, read together.
export async function shown(
  q: Kysely<Database>,
  councilId: string,
  stored: repo.StoredLetter[],
  now: Date,
): Promise<Letter[]> {
  const complaintIds = stored.flatMap((letter) => (letter.complaintId ? [letter.complaintId] : []));
  const references = complaintIds.length
    ? await complaintFacts().referencesOf(q, councilId, complaintIds)
    : new Map<string, string>();
  const names = await personNamesById(
    q,
    councilId,
    stored.flatMap((l) => [l.sentBy, l.writtenBy, l.submittedBy, l.approvedBy, l.returnedBy]),
  );
  return stored.map((letter) =>
    shownLetter(letter, {
      complaintReference: letter.complaintId ? (references.get(letter.complaintId) ?? null) : null,
      names,
      now,
    }),
  );
}

export async function letter(
  { db, clock }: ModuleDeps,
  councilId: string,
  id: string,
): Promise<Letter | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const found = await repo.findLetter(db, councilId, id);
  return found ? ((await shown(db, councilId, [found], clock.now()))[0] ?? null) : null;
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

/** The letters about a complaint or customer: those sent (what the person has been sent), or
 * with those not sent yet too (for the case's pages). */
export async function lettersAbout(
  { db, clock }: ModuleDeps,
  councilId: string,
  about: { complaintId: string } | { customerId: string },
  which: 'sent' | 'all' = 'sent',
): Promise<Letter[]> {
  return shown(db, councilId, await repo.lettersAbout(db, councilId, about, which === 'sent'), clock.now());
}

export async function pdfOf({ db }: ModuleDeps, letter: Letter): Promise<Buffer> {
  return letterPdf(letter, await councilName(db, letter.councilId));
}
