import { randomUUID } from 'node:crypto';
import { appendAudit } from '../../../platform/audit/audit-trail.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import type { CheckedFile } from '../../../platform/documents/file-types.ts';
import { InvalidInput } from '../../../platform/errors.ts';
import type { CategoryCode, Route } from '../categories.ts';
import { newReceipt } from '../channel/receipt.ts';
import { type ConcernsDeps, reporterActor, toTheMinute } from '../deps.ts';
import { addDocument } from '../documents.ts';
import { nextReference } from '../repository.ts';
import type { ConcernContent, ConcernKey } from '../sealing.ts';
import type { RaiseForm } from './input.ts';
import { assign, type Candidate, type Involved } from './rules.ts';

// Raising a concern (DOMAIN.md §6; 001 §52-53, 002 §12), signed in or from the public page. The
// reporter is given a receipt code, shown once, to follow it up without an account.

const routeRoles: readonly Route[] = ['audit', 'hr', 'monitoring-officer'];

// The people named as involved, by their exact names (one a line or separated by commas).
async function involvedPeople(deps: ConcernsDeps, councilId: string, names: string): Promise<Involved[]> {
  const wanted = [
    ...new Set(
      names
        .split(/[\n,;]/)
        .map((n) => n.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
  const found: Involved[] = [];
  for (const name of wanted.slice(0, 20)) {
    const { people } = await deps.organisation.listPeople(councilId, { search: name }, { limit: 20 });
    for (const person of people.filter((p) => p.name.trim().toLowerCase() === name)) {
      const [managers, reports] = await Promise.all([
        deps.organisation.managerChain(councilId, person.id),
        deps.organisation.reportIds(councilId, person.id),
      ]);
      found.push({ personId: person.id, managers, reports });
    }
  }
  return found;
}

async function candidates(deps: ConcernsDeps, councilId: string): Promise<Candidate[]> {
  const byPerson = new Map<string, Route[]>();
  for (const route of routeRoles)
    for (const person of await deps.organisation.peopleWithRole(councilId, route))
      byPerson.set(person.id, [...(byPerson.get(person.id) ?? []), route]);
  return [...byPerson.entries()]
    .map(([personId, roles]) => ({ personId, roles }))
    .sort((a, b) => a.personId.localeCompare(b.personId));
}

export async function raiseConcern(
  deps: ConcernsDeps,
  councilId: string,
  form: RaiseForm,
  files: readonly CheckedFile[],
): Promise<{ reference: string; code: string }> {
  const policy = await deps.organisation.policy(councilId);
  const assignment = assign({
    category: form.category as CategoryCode,
    policy,
    candidates: await candidates(deps, councilId),
    involved: await involvedPeople(deps, councilId, form.involved),
    chosenRoute: form.route === 'any' ? null : form.route,
  });
  if ('problem' in assignment) throw new InvalidInput([{ key: 'route', message: assignment.problem }]);
  if (form.identity === 'named' && !form.name)
    throw new InvalidInput([{ key: 'name', message: 'Enter your name, or choose to stay anonymous' }]);
  const receipt = await newReceipt();
  const now = toTheMinute(deps.clock.now());
  const id = randomUUID();
  const { key, wrapped } = deps.sealer.newKey(councilId, id);
  const content: ConcernContent = {
    what: form.what,
    involvedNames: form.involved,
    reporter: form.identity === 'named' ? { name: form.name, contact: form.contact } : null,
  };
  return deps.db.transaction().execute(async (trx) => {
    const reference = await nextReference(trx, councilId, Number(londonDate(now).slice(0, 4)));
    await trx
      .insertInto('concern')
      .values({
        council_id: councilId,
        id,
        reference,
        category: form.category,
        route: assignment.route,
        anonymous: form.identity === 'anonymous',
        identity_protected: form.identity === 'named' && form.protect === 'yes',
        receipt_id: receipt.id,
        receipt_hash: receipt.secretHash,
        key_version: wrapped.version,
        wrapped_key: wrapped.wrapped,
        sealed: deps.sealer.sealText(key, 'content', JSON.stringify(content)),
        received_at: now,
        received_on: londonDate(now),
      })
      .execute();
    await trx
      .insertInto('concern_investigator')
      .values({ council_id: councilId, concern_id: id, person_id: assignment.investigatorId })
      .execute();
    for (const file of files) await addDocument(deps, trx, key as ConcernKey, file, true, londonDate(now));
    await appendAudit(
      trx,
      reporterActor(councilId),
      {
        action: 'concern.raised',
        recordType: 'concern',
        recordId: id,
        after: { reference, category: form.category, route: assignment.route },
      },
      now,
    );
    return { reference, code: receipt.code };
  });
}
