import type { Kysely } from 'kysely';
import { type Actor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { councilName, type ModuleDeps, personNamesById } from '../../organisation/service.ts';
import * as repo from '../repository.ts';
import {
  exampleValues,
  kindNames,
  type LetterKind,
  type LetterTemplate,
  letterKinds,
  ombudsmanDetails,
} from './kinds.ts';
import { checkTemplate, fillTemplate, type TemplateProblem } from './rules.ts';
import { defaultTemplate } from './wording.ts';

// The council's wording of a letter, or the default; who changed it and when.
export type CouncilTemplate = LetterTemplate & {
  kind: LetterKind;
  kindName: string;
  changed: boolean;
  updatedAt: Date | null;
  updatedByName: string | null;
};

export type SaveResult = { saved: true } | { saved: false; problems: TemplateProblem[] };

export async function template(
  q: Kysely<Database>,
  councilId: string,
  kind: LetterKind,
): Promise<CouncilTemplate> {
  const stored = await repo.storedTemplate(q, councilId, kind);
  const named = { kind, kindName: kindNames[kind] };
  if (!stored)
    return { ...named, ...defaultTemplate(kind), changed: false, updatedAt: null, updatedByName: null };
  const names = await personNamesById(q, councilId, [stored.updatedBy]);
  return {
    ...named,
    subject: stored.subject,
    body: stored.body,
    changed: true,
    updatedAt: stored.updatedAt,
    updatedByName: names.get(stored.updatedBy) ?? null,
  };
}

export const templates = ({ db }: ModuleDeps, councilId: string) =>
  Promise.all(letterKinds.map((kind) => template(db, councilId, kind)));

/** The letter as it would read with example values, for the template editor. */
export async function preview(
  { db }: ModuleDeps,
  councilId: string,
  kind: LetterKind,
  edited: LetterTemplate,
  housing = false,
): Promise<LetterTemplate> {
  return fillTemplate(kind, edited, {
    ...exampleValues(kind),
    council: await councilName(db, councilId),
    ombudsman: ombudsmanDetails(housing),
  });
}

export async function saveTemplate(
  { db, clock }: ModuleDeps,
  actor: Actor,
  kind: LetterKind,
  edited: LetterTemplate,
): Promise<SaveResult> {
  const problems = checkTemplate(kind, edited);
  if (problems.length) return { saved: false, problems };
  const { councilId, personId } = actor;
  if (!personId) throw new Error('A template is saved by a person');
  const subject = edited.subject.trim();
  const body = edited.body.replace(/\r\n?/g, '\n').trim();
  const at = clock.now();
  await db.transaction().execute(async (trx) => {
    const before = await template(trx, councilId, kind);
    await repo.saveTemplate(trx, councilId, kind, { subject, body, updatedBy: personId, updatedAt: at });
    await appendAudit(
      trx,
      actor,
      {
        action: 'letter-template.changed',
        recordType: 'letter-template',
        recordId: kind,
        before: { subject: before.subject, body: before.body, changed: before.changed },
        after: { subject, body },
      },
      at,
    );
  });
  return { saved: true };
}

/** Back to the default wording. */
export async function resetTemplate(
  { db, clock }: ModuleDeps,
  actor: Actor,
  kind: LetterKind,
): Promise<void> {
  const at = clock.now();
  await db.transaction().execute(async (trx) => {
    const removed = await repo.deleteTemplate(trx, actor.councilId, kind);
    if (!removed) return;
    await appendAudit(
      trx,
      actor,
      {
        action: 'letter-template.reset',
        recordType: 'letter-template',
        recordId: kind,
        before: removed,
        after: defaultTemplate(kind),
      },
      at,
    );
  });
}
