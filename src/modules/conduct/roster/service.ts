import { type Actor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import type { ModuleDeps } from '../../organisation/service.ts';
import type { CouncillorForm, IndependentPersonForm } from './input.ts';
import * as repo from './repository.ts';

// The councillors complaints can be about, and the independent persons the monitoring officer
// consults (003 standards minutes 18 and 21); the monitoring officer keeps both lists.
export function conductRoster({ db, clock }: Pick<ModuleDeps, 'db' | 'clock'>) {
  async function addCouncillor(actor: Actor, form: CouncillorForm): Promise<string> {
    const at = clock.now();
    const id = uuidv7(at.getTime());
    await db.transaction().execute(async (trx) => {
      await repo.insertCouncillor(trx, actor.councilId, { id, ...form }, at);
      await appendAudit(
        trx,
        actor,
        { action: 'councillor.added', recordType: 'councillor', recordId: id, after: form },
        at,
      );
    });
    return id;
  }

  async function addIndependentPerson(actor: Actor, form: IndependentPersonForm): Promise<string> {
    const at = clock.now();
    const id = uuidv7(at.getTime());
    await db.transaction().execute(async (trx) => {
      await repo.insertIndependentPerson(trx, actor.councilId, { id, ...form }, at);
      await appendAudit(
        trx,
        actor,
        { action: 'independent-person.added', recordType: 'independent-person', recordId: id, after: form },
        at,
      );
    });
    return id;
  }

  return {
    councillors: (councilId: string) => repo.councillors(db, councilId),
    independentPersons: (councilId: string) => repo.independentPersons(db, councilId),
    addCouncillor,
    addIndependentPerson,
  };
}
export type ConductRoster = ReturnType<typeof conductRoster>;
