import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type Actor, appendAudit, appendAuditEvents } from '../../../platform/audit/audit-trail.ts';
import { revokeApiTokensOf } from '../../../platform/auth/api-tokens.ts';
import { can } from '../../../platform/auth/permissions.ts';
import { endSessionsOf } from '../../../platform/auth/sessions.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { InvalidInput, NotFound } from '../../../platform/errors.ts';
import type { OrganisationDeps } from '../module-deps.ts';

// The import needs only the database and the clock.
type StaffDeps = Pick<OrganisationDeps, 'db' | 'clock'>;

import { type StaffPlan, staffPlan } from './plan.ts';
import * as repo from './repository.ts';
import { staffRows } from './rows.ts';

// The HR system's staff file: previewed (what it would add, change and make leavers, and every bad
// row by line), then applied as previewed, all of it in one transaction, only when no row is bad
// and the council's people are as they were at the preview.

export type StaffPreview = { importId: string; digest: string; plan: StaffPlan };
export type StaffImportSummary = { added: number; changed: number; leavers: number; unchanged: number };

const fileField = 'file';
const stale = 'The council’s people have changed since this file was previewed: preview it again';
// A staff file names and addresses everyone in the council: it is kept no longer than it is needed,
// until it is applied or for a day after its preview.
const keptForMs = 24 * 60 * 60 * 1000;
const expired = 'This preview has expired: a staff file is kept for a day after its preview. Upload it again';

// The plan of the file for the person importing (whether they may change email addresses).
async function planFor(q: Kysely<Database>, deps: StaffDeps, councilId: string, csv: string, by: string) {
  const { rows, errors } = staffRows(csv);
  const [people, services, elsewhere, roles] = await Promise.all([
    repo.knownPeople(q, councilId),
    repo.councilServices(q, councilId),
    repo.emailsElsewhere(
      q,
      councilId,
      rows.map((row) => row.email),
    ),
    repo.rolesOf(q, councilId, by),
  ]);
  const now = deps.clock.now();
  return staffPlan(rows, errors, {
    people,
    services,
    emailsElsewhere: elsewhere,
    mayChangeEmails: can(roles, 'people:manage'),
    today: londonDate(now),
    newId: () => uuidv7(now.getTime()),
  });
}

const hashOf = (csv: string) => createHash('sha256').update(csv).digest('hex');

export async function previewStaff(deps: StaffDeps, actor: Actor, csv: string): Promise<StaffPreview> {
  if (!actor.personId)
    throw new InvalidInput([{ key: fileField, message: 'A person previews a staff file' }]);
  if (csv.trim() === '')
    throw new InvalidInput([{ key: fileField, message: 'Choose the CSV file exported from the HR system' }]);
  // A NUL is in no text file, and no database text can hold one.
  if (csv.includes('\u0000'))
    throw new InvalidInput([
      { key: fileField, message: 'The file is not a CSV text file: export it from the HR system as CSV' },
    ]);
  const { db } = deps;
  const digest = await repo.peopleDigest(db, actor.councilId);
  const plan = await planFor(db, deps, actor.councilId, csv, actor.personId);
  const importId = uuidv7(deps.clock.now().getTime());
  const now = deps.clock.now();
  await db.transaction().execute(async (trx) => {
    await repo.insertImport(
      trx,
      actor.councilId,
      {
        id: importId,
        csv,
        fileHash: hashOf(csv),
        peopleDigest: digest,
        previewedBy: actor.personId as string,
      },
      now,
    );
    await appendAudit(
      trx,
      actor,
      {
        action: 'staff-import.previewed',
        recordType: 'staff-import',
        recordId: importId,
        after: countsOf(plan),
      },
      now,
    );
  });
  return { importId, digest, plan };
}

export type StaffImportShown =
  | { state: 'applied'; appliedAt: Date; summary: StaffImportSummary }
  | { state: 'expired' }
  | ({ state: 'previewed' } & StaffPreview);

// An applied file's summary; an expired one's message; otherwise the preview again, as the people
// are now (the digest says which state it was made from).
export async function showPreview(
  deps: StaffDeps,
  councilId: string,
  importId: string,
  viewerId: string,
): Promise<StaffImportShown> {
  const found = await repo.findImport(deps.db, councilId, importId);
  if (!found) throw new NotFound('No such staff file');
  if (found.appliedAt)
    return { state: 'applied', appliedAt: found.appliedAt, summary: found.summary as StaffImportSummary };
  if (found.csv === '') return { state: 'expired' };
  const digest = await repo.peopleDigest(deps.db, councilId);
  const plan = await planFor(deps.db, deps, councilId, found.csv, viewerId);
  return { state: 'previewed', importId, digest, plan };
}

const countsOf = (plan: StaffPlan) => ({
  rows: plan.rows,
  added: plan.added.length,
  changed: plan.changed.length,
  leavers: plan.leavers.length,
  unchanged: plan.unchanged,
  errors: plan.errors.length,
});

// Applies the file as previewed from `digest` (the preview's own when not given). Of two applies at
// once, one waits for the other and is then refused: the import is applied, or the people changed.
export async function applyStaff(
  deps: StaffDeps,
  actor: Actor,
  importId: string,
  digest?: string,
): Promise<StaffImportSummary> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    await repo.lockCouncil(trx, actor.councilId);
    const found = await repo.findImport(trx, actor.councilId, importId, true);
    if (!found) throw new NotFound('No such staff file');
    if (found.appliedAt)
      throw new InvalidInput([{ key: 'form', message: 'This staff file has already been applied' }]);
    if (found.csv === '') throw new InvalidInput([{ key: 'form', message: expired }]);
    if ((await repo.peopleDigest(trx, actor.councilId)) !== (digest ?? found.peopleDigest))
      throw new InvalidInput([{ key: 'form', message: stale }]);
    const plan = await planFor(trx, deps, actor.councilId, found.csv, actor.personId ?? '');
    if (plan.errors.length)
      throw new InvalidInput([
        {
          key: 'form',
          message: `The file has ${plan.errors.length} bad rows: correct them and upload it again`,
        },
      ]);
    await applyPlan(trx, actor, plan, now);
    const summary = {
      added: plan.added.length,
      changed: plan.changed.length,
      leavers: plan.leavers.length,
      unchanged: plan.unchanged,
    };
    await repo.markApplied(trx, actor.councilId, importId, actor.personId, summary, now);
    await appendAudit(
      trx,
      actor,
      { action: 'staff-import.applied', recordType: 'staff-import', recordId: importId, after: summary },
      now,
    );
    return summary;
  });
}

async function applyPlan(trx: Kysely<Database>, actor: Actor, plan: StaffPlan, now: Date) {
  const { councilId } = actor;
  await repo.insertPeople(trx, councilId, plan.added, now);
  await repo.updateDetails(trx, councilId, plan.changed);
  const leaverIds = plan.leavers.map((leaver) => leaver.id);
  await repo.deactivate(trx, councilId, leaverIds, now);
  for (const id of leaverIds) {
    await endSessionsOf(trx, councilId, id);
    await revokeApiTokensOf(trx, councilId, id, now);
  }
  await appendAuditEvents(
    trx,
    actor,
    [
      ...plan.added.map(({ id, values }) => ({
        action: 'person.imported',
        recordType: 'person',
        recordId: id,
        after: values,
      })),
      ...plan.changed.map(({ id, changes }) => ({
        action: 'person.import-updated',
        recordType: 'person',
        recordId: id,
        before: Object.fromEntries(changes.map((c) => [c.field, c.from])),
        after: Object.fromEntries(changes.map((c) => [c.field, c.to])),
      })),
      ...plan.leavers.map(({ id, leavingDate }) => ({
        action: 'person.left',
        recordType: 'person',
        recordId: id,
        before: { active: true },
        after: { active: false, leavingDate },
      })),
    ],
    now,
  );
}

export function staffImportService(deps: StaffDeps) {
  return {
    previewStaff: (actor: Actor, csv: string) => previewStaff(deps, actor, csv),
    showStaffPreview: (councilId: string, importId: string, viewerId: string) =>
      showPreview(deps, councilId, importId, viewerId),
    applyStaff: (actor: Actor, importId: string, digest?: string) =>
      applyStaff(deps, actor, importId, digest),
    // A job: the files of previews made more than a day ago and not applied.
    removeOldStaffFiles: () =>
      repo.removeFilesPreviewedBefore(deps.db, new Date(deps.clock.now().getTime() - keptForMs)),
  };
}
