import type { Actor } from '../../../platform/audit/audit-trail.ts';
import { appendAudit } from '../../../platform/audit/audit-trail.ts';
import { findCouncil, findCouncilBySlug } from '../councils/repository.ts';
import type { OrganisationDeps } from '../module-deps.ts';
import { defaultPageText } from './defaults.ts';
import { deletePageText, findPageText, savePageText } from './repository.ts';
import type { EditablePage } from './rules.ts';

// A council's wording of a page, or the default wording naming it.
async function pageText(deps: OrganisationDeps, councilId: string, page: EditablePage) {
  const council = await findCouncil(deps.db, councilId);
  const written = await findPageText(deps.db, councilId, page);
  return { council, text: written ?? defaultPageText(page, council), isDefault: written === null };
}

// A public footer page of the council at this address; null when no council has it.
async function publicPage(deps: OrganisationDeps, slug: string, page: EditablePage) {
  const found = await findCouncilBySlug(deps.db, slug);
  return found ? pageText(deps, found.council_id, page) : null;
}

// The system administrator words a page; saving it empty, or as the default, restores the default
// (which then follows any change of the council's name).
async function savePage(deps: OrganisationDeps, actor: Actor, page: EditablePage, body: string) {
  if (!actor.personId) throw new Error('A page is worded by a person');
  const by = actor.personId;
  const now = deps.clock.now();
  const before = await pageText(deps, actor.councilId, page);
  const restore = body.trim() === '' || body.trim() === defaultPageText(page, before.council);
  await deps.db.transaction().execute(async (trx) => {
    if (restore) await deletePageText(trx, actor.councilId, page);
    else await savePageText(trx, { councilId: actor.councilId, page, body, by }, now);
    const change = { before: before.isDefault ? null : before.text, after: restore ? null : body };
    await appendAudit(
      trx,
      actor,
      { action: 'council-page.worded', recordType: 'council-page', recordId: page, ...change },
      now,
    );
  });
  return { restored: restore };
}

export function councilPagesService(deps: OrganisationDeps) {
  return {
    councilPage: (councilId: string, page: EditablePage) => pageText(deps, councilId, page),
    publicCouncilPage: (slug: string, page: EditablePage) => publicPage(deps, slug, page),
    saveCouncilPage: (actor: Actor, page: EditablePage, body: string) => savePage(deps, actor, page, body),
  };
}
