// Committee packs: assembled for a committee and a period from every module's figures, kept as
// assembled, marked where an item is exempt, published, and read as the public or the full version.
import type { Kysely } from 'kysely';
import { actorFor, appendAudit, recordAccess } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import type { Clock } from '../../../platform/clock.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { Forbidden, InvalidInput, NotFound } from '../../../platform/errors.ts';
import type { OrganisationService } from '../../organisation/service.ts';
import { can, committeesPrepared } from '../policy.ts';
import type { CommitteeSources } from '../sources.ts';
import { gatherFigures, type PackFigures } from './figures.ts';
import * as repo from './repository.ts';
import { type Committee, exemptByRule, sectionsOf } from './rules.ts';
import { sectionHeadings } from './sections.ts';
import { type PackItem, type Version, versionOf } from './versions.ts';

export type PacksDeps = {
  db: Kysely<Database>;
  clock: Clock;
  organisation: Pick<OrganisationService, 'policy'>;
  sources: CommitteeSources;
};

const notFound = 'No such committee pack';

async function settingsOf(deps: PacksDeps, councilId: string) {
  const policy = await deps.organisation.policy(councilId);
  return {
    membersReadExempt: policy.committeeMembersReadExemptItems,
    minimum: policy.committeeSmallNumberMinimum,
  };
}

const facts = (pack: repo.Pack) => ({ committee: pack.committee, published: pack.publishedAt !== null });

// The items a pack starts with: a section each, marked where a rule says it is exempt.
function sectionItems(figures: PackFigures): PackItem[] {
  const hearings = {
    conductHearings: figures.conduct?.hearings ?? 0,
    conductSanctions: figures.conduct?.sanctions ?? 0,
  };
  return sectionsOf[figures.committee].map((key, i) => {
    const mark = exemptByRule(key, hearings);
    return {
      key,
      position: i + 1,
      heading: sectionHeadings[key],
      body: '',
      exemptParagraph: mark?.paragraph ?? null,
      exemptReason: mark?.reason ?? '',
      exemptMarkedBy: mark ? 'rule' : null,
    };
  });
}

async function assemble(
  deps: PacksDeps,
  principal: Principal,
  input: { committee: Committee; from: string; to: string },
  requestId?: string,
): Promise<string> {
  const pack = { committee: input.committee, published: false };
  if (!can(principal, 'assemble', pack, { membersReadExempt: false }))
    throw new Forbidden('You do not prepare this committee’s packs');
  const { minimum } = await settingsOf(deps, principal.councilId);
  const period = { from: input.from, to: input.to };
  const figures = await gatherFigures(deps.sources, {
    councilId: principal.councilId,
    councilName: principal.councilName,
    committee: input.committee,
    period,
    minimum,
  });
  const now = deps.clock.now();
  const id = uuidv7(now.getTime());
  const items = sectionItems(figures);
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertPack(
      trx,
      principal.councilId,
      {
        id,
        committee: input.committee,
        ...period,
        figures,
        assembledBy: principal.personId,
        assembledByName: principal.name,
        assembledAt: now,
        publishedAt: null,
        publishedByName: null,
      },
      items,
    );
    const exempt = items.filter((item) => item.exemptParagraph !== null).map((item) => item.key);
    const after = { committee: input.committee, ...period, exemptByRule: exempt };
    const entry = { action: 'committee-pack.assembled', recordType: 'committee-pack', recordId: id, after };
    await appendAudit(trx, actorFor(principal, requestId), entry, now);
  });
  return id;
}

// A pack the person may read at least the public version of; otherwise there is no such pack.
async function readable(deps: PacksDeps, principal: Principal, id: string) {
  const [pack, settings] = await Promise.all([
    repo.findPack(deps.db, principal.councilId, id),
    settingsOf(deps, principal.councilId),
  ]);
  if (!pack || !can(principal, 'read-public', facts(pack), settings)) throw new NotFound(notFound);
  return { pack, settings };
}

async function read(deps: PacksDeps, principal: Principal, id: string, version: Version) {
  const { pack, settings } = await readable(deps, principal, id);
  const full = can(principal, 'read-full', facts(pack), settings);
  if (version === 'full' && !full) throw new Forbidden('You may read the public version of this pack only');
  const items = await repo.itemsOf(deps.db, principal.councilId, id);
  if (pack.publishedAt && principal.roles.has('committee-member')) await markRead(deps, principal, id);
  const mayAssemble = can(principal, 'assemble', facts(pack), settings);
  return {
    pack,
    items,
    version,
    content: versionOf(pack.figures, items, version),
    may: {
      full,
      change: mayAssemble && pack.publishedAt === null,
      mark: can(principal, 'mark', facts(pack), settings) && pack.publishedAt === null,
    },
  };
}

// A committee member's first reading of a published pack, so that it leaves their home page.
async function markRead(deps: PacksDeps, principal: Principal, id: string) {
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    if (!(await repo.markRead(trx, principal.councilId, id, principal.personId, now))) return;
    const entry = { action: 'committee-pack.first-read', recordType: 'committee-pack', recordId: id };
    await appendAudit(trx, actorFor(principal), entry, now);
  });
}

// A download or a reading of the full version is recorded: who took which version of which pack.
async function recordRead(
  deps: PacksDeps,
  principal: Principal,
  id: string,
  what: string,
  requestId?: string,
) {
  const entry = { action: `committee-pack.${what}`, recordType: 'committee-pack', recordId: id };
  await recordAccess(deps.db, actorFor(principal, requestId), entry, deps.clock.now());
}

// A change to a pack not yet published, by someone who may make it, in one transaction.
async function changing(
  deps: PacksDeps,
  principal: Principal,
  id: string,
  action: 'assemble' | 'mark',
  change: (
    trx: Kysely<Database>,
    pack: repo.Pack,
    settings: { membersReadExempt: boolean },
  ) => Promise<{ action: string; after: unknown }>,
  requestId?: string,
) {
  const settings = await settingsOf(deps, principal.councilId);
  await deps.db.transaction().execute(async (trx) => {
    const pack = await repo.findPack(trx, principal.councilId, id, { lock: true });
    if (!pack || !can(principal, 'read-public', facts(pack), settings)) throw new NotFound(notFound);
    if (!can(principal, action, facts(pack), settings)) throw new Forbidden('You may not change this pack');
    if (pack.publishedAt)
      throw new InvalidInput([
        { key: 'pack', message: 'This pack has been published and cannot be changed' },
      ]);
    const { action: code, after } = await change(trx, pack, settings);
    const entry = { action: code, recordType: 'committee-pack', recordId: id, after };
    await appendAudit(trx, actorFor(principal, requestId), entry, deps.clock.now());
  });
}

type Mark = { paragraph: number | null; reason: string };
type NewItem = { heading: string; body: string; paragraph: number | null; reason: string };

function markItem(
  deps: PacksDeps,
  principal: Principal,
  at: { id: string; key: string },
  mark: Mark,
  requestId?: string,
) {
  const { id, key } = at;
  return changing(
    deps,
    principal,
    id,
    'mark',
    async (trx) => {
      const by = mark.paragraph === null ? null : principal.name;
      const reason = mark.paragraph === null ? '' : mark.reason;
      if (
        !(await repo.markItem(trx, principal.councilId, id, key, { paragraph: mark.paragraph, reason, by }))
      )
        throw new NotFound('No such item in this pack');
      return {
        action: 'committee-pack.item-marked',
        after: { item: key, paragraph: mark.paragraph, reason },
      };
    },
    requestId,
  );
}

function addItem(deps: PacksDeps, principal: Principal, id: string, item: NewItem, requestId?: string) {
  return changing(
    deps,
    principal,
    id,
    'assemble',
    async (trx, pack, settings) => {
      if (item.paragraph !== null && !can(principal, 'mark', facts(pack), settings))
        throw new InvalidInput([
          { key: 'paragraph', message: 'Only the monitoring officer marks an item exempt' },
        ]);
      const position = await repo.nextPosition(trx, principal.councilId, id);
      const key = `item-${position}`;
      await repo.insertItems(trx, principal.councilId, id, [
        {
          key,
          position,
          heading: item.heading,
          body: item.body,
          exemptParagraph: item.paragraph,
          exemptReason: item.paragraph === null ? '' : item.reason,
          exemptMarkedBy: item.paragraph === null ? null : principal.name,
        },
      ]);
      return {
        action: 'committee-pack.item-added',
        after: { item: key, heading: item.heading, paragraph: item.paragraph },
      };
    },
    requestId,
  );
}

export function packsService(deps: PacksDeps) {
  return {
    assemble: (
      principal: Principal,
      input: { committee: Committee; from: string; to: string },
      requestId?: string,
    ) => assemble(deps, principal, input, requestId),

    /** The packs a person may read: all of the committees they prepare for, the published of others. */
    async list(principal: Principal) {
      const prepared = committeesPrepared(principal);
      const mine = await repo.listPacks(deps.db, principal.councilId, {
        committees: prepared,
        publishedOnly: false,
      });
      const others = principal.roles.has('committee-member')
        ? await repo.listPacks(deps.db, principal.councilId, {
            committees: (['standards', 'audit'] as const).filter((c) => !prepared.includes(c)),
            publishedOnly: true,
          })
        : [];
      return { packs: [...mine, ...others], prepared };
    },

    read: (principal: Principal, id: string, version: Version) => read(deps, principal, id, version),
    recordRead: (principal: Principal, id: string, what: string, requestId?: string) =>
      recordRead(deps, principal, id, what, requestId),

    /** The monitoring officer marks an item exempt under a paragraph of Schedule 12A, or clears it. */
    mark: (principal: Principal, id: string, key: string, mark: Mark, requestId?: string) =>
      markItem(deps, principal, { id, key }, mark, requestId),

    /** An item the officer writes (an update on a case, say), exempt if the monitoring officer says so. */
    addItem: (principal: Principal, id: string, item: NewItem, requestId?: string) =>
      addItem(deps, principal, id, item, requestId),

    /** Published: sent to the committee, read by its members, and never changed again. */
    publish: (principal: Principal, id: string, requestId?: string) =>
      changing(
        deps,
        principal,
        id,
        'assemble',
        async (trx) => {
          await repo.publish(trx, principal.councilId, id, deps.clock.now(), principal.name);
          return { action: 'committee-pack.published', after: {} };
        },
        requestId,
      ),
  };
}

export type PacksService = ReturnType<typeof packsService>;
