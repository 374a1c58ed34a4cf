// Evidence a resident sends with a complaint on the public form (photos, letters): added one file
// at a time to the draft, each checked by its first bytes and its size (uploads.ts), up to a count
// and a total; any file can be removed before the complaint is sent, when they go with it.
import { isUuid } from '../../../platform/auth/secrets.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { InvalidInput, NotFound } from '../../../platform/errors.ts';
import { countToday } from './drafts.ts';
import * as repo from './evidence-repository.ts';
import { draftAnswers, updateDraft } from './repository.ts';
import type { IntakeDeps, PublicCouncil } from './service.ts';
import { type CheckedUpload, evidenceProblem } from './uploads.ts';

type Deps = Pick<IntakeDeps, 'db' | 'clock' | 'organisation'>;

export const draftEvidence = (deps: Pick<Deps, 'db'>, councilId: string, draftId: string) =>
  repo.draftEvidence(deps.db, councilId, draftId);

// Adds a checked file to the draft, unless it would pass the count, the total or the council's
// daily ceiling: then nothing is saved. The draft is locked, so that two uploads at once are
// counted one after the other.
export async function addDraftEvidence(
  deps: Deps,
  council: PublicCouncil,
  draftId: string,
  file: CheckedUpload,
): Promise<void> {
  const { councilId } = council;
  const { publicUploadMegabytesPerDay } = await deps.organisation.policy(councilId);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const answers = await draftAnswers(trx, councilId, draftId, true);
    if (!answers || answers.submitted) throw new NotFound('No such complaint being made');
    const held = await repo.draftEvidence(trx, councilId, draftId);
    const bytes = held.reduce((sum, held) => sum + held.sizeBytes, 0);
    const problem = evidenceProblem({ count: held.length, bytes }, file.content.length);
    if (problem) throw new InvalidInput([{ key: 'evidence', message: problem }]);
    const ceiling = publicUploadMegabytesPerDay * 1024 * 1024;
    await countToday(trx, deps, council, 'uploadBytes', file.content.length, ceiling);
    await repo.insertDraftEvidence(trx, councilId, draftId, { id: uuidv7(now.getTime()), file }, now);
    await updateDraft(trx, councilId, draftId, now);
  });
}

// Removes one file from a draft not yet sent; a file already gone is no error.
export async function removeDraftEvidence(
  deps: Pick<Deps, 'db' | 'clock'>,
  councilId: string,
  draftId: string,
  fileId: string,
): Promise<void> {
  if (!isUuid(fileId)) return;
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const answers = await draftAnswers(trx, councilId, draftId, true);
    if (!answers || answers.submitted) throw new NotFound('No such complaint being made');
    if (await repo.deleteDraftEvidence(trx, councilId, draftId, fileId))
      await updateDraft(trx, councilId, draftId, now);
  });
}
