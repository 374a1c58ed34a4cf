import type { Principal } from '../../../platform/auth/principal.ts';
import { draftStore } from '../../../platform/db/drafts.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { NotFound } from '../../../platform/errors.ts';
import type { ModuleDeps } from '../../organisation/service.ts';
import { kindOf } from './assess.ts';
import { isDeclarationKind } from './rules.ts';

// A declaration being made, kept between the question pages; abandoned ones are cleared after a week.
export const drafts = draftStore('declaration_draft');

type Deps = Pick<ModuleDeps, 'db' | 'clock'>;

export async function startDraft({ db, clock }: Deps, principal: Principal, kindValue: unknown) {
  const kind = kindOf(kindValue);
  const now = clock.now();
  const id = uuidv7(now.getTime());
  await drafts.write(
    db,
    { councilId: principal.councilId, personId: principal.personId, id, answers: { kind } },
    now,
  );
  return id;
}

export async function readDraft(
  { db }: Deps,
  principal: Principal,
  id: string,
): Promise<Record<string, string>> {
  const answers = await drafts.read(db, principal.councilId, principal.personId, id);
  if (!answers || !isDeclarationKind(answers.kind ?? ''))
    throw new NotFound('This declaration has already been made, or was started more than a week ago');
  return answers;
}

export const saveDraft = (
  { db, clock }: Deps,
  principal: Principal,
  id: string,
  answers: Record<string, string>,
) =>
  drafts.write(
    db,
    { councilId: principal.councilId, personId: principal.personId, id, answers },
    clock.now(),
  );
