// A complaint being made on the public form: its answers wait in a draft, page by page, with the
// written authority of the person complained for, until it is sent.
import type { Kysely } from 'kysely';
import { isUuid } from '../../../platform/auth/secrets.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { NotFound, Unavailable } from '../../../platform/errors.ts';
import type { Answers } from './input.ts';
import * as repo from './repository.ts';
import type { IntakeDeps, PublicCouncil } from './service.ts';
import type { CheckedUpload } from './uploads.ts';

type Deps = Pick<IntakeDeps, 'db' | 'clock' | 'organisation'>;

// Drafts not touched for this long are removed by the daily job (removeAbandonedDrafts).
const draftLifetimeMs = 3 * 24 * 60 * 60 * 1000;

// Counts what the public add today against the council's ceiling, in the caller's transaction,
// and refuses once the ceiling would be passed.
export async function countToday(
  trx: Kysely<Database>,
  deps: Deps,
  council: PublicCouncil,
  what: 'drafts' | 'uploadBytes',
  amount: number,
  ceiling: number,
) {
  const day = londonDate(deps.clock.now());
  if (!(await repo.countOnDay(trx, council.councilId, day, what, amount, ceiling))) {
    throw new Unavailable(
      `${council.name} cannot take any more complaints online today. Try again tomorrow, or phone or write to the council.`,
    );
  }
}

export async function startDraft(deps: Deps, council: PublicCouncil, answers: Answers): Promise<string> {
  const { publicComplaintsPerDay } = await deps.organisation.policy(council.councilId);
  const now = deps.clock.now();
  const id = uuidv7(now.getTime());
  await deps.db.transaction().execute(async (trx) => {
    await countToday(trx, deps, council, 'drafts', 1, publicComplaintsPerDay);
    await repo.insertDraft(trx, council.councilId, id, answers, now);
  });
  return id;
}

export async function readDraft(deps: Pick<Deps, 'db'>, councilId: string, id: string) {
  return isUuid(id) ? repo.draftAnswers(deps.db, councilId, id) : null;
}

// The page's answers over what was there; a submitted draft is not changed.
export async function saveDraft(deps: Deps, councilId: string, id: string, answers: Answers): Promise<void> {
  const current = await readDraft(deps, councilId, id);
  if (!current || current.submitted) throw new NotFound('No such complaint being made');
  await repo.updateDraft(deps.db, councilId, id, deps.clock.now(), { ...current, ...answers });
}

export const draftAuthority = (deps: Pick<Deps, 'db'>, councilId: string, draftId: string) =>
  repo.draftAuthorityFile(deps.db, councilId, draftId);

export async function saveDraftAuthority(
  deps: Deps,
  council: PublicCouncil,
  draftId: string,
  file: CheckedUpload,
): Promise<void> {
  const { publicUploadMegabytesPerDay } = await deps.organisation.policy(council.councilId);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const ceiling = publicUploadMegabytesPerDay * 1024 * 1024;
    await countToday(trx, deps, council, 'uploadBytes', file.content.length, ceiling);
    await repo.saveDraftAuthority(trx, council.councilId, draftId, { id: uuidv7(now.getTime()), file }, now);
    await repo.updateDraft(trx, council.councilId, draftId, now);
  });
}

// The daily job: a draft left for a few days is abandoned, and its answers and file go with it.
export async function removeAbandonedDrafts(deps: Pick<Deps, 'db' | 'clock'>): Promise<number> {
  return repo.deleteDraftsBefore(deps.db, new Date(deps.clock.now().getTime() - draftLifetimeMs));
}
