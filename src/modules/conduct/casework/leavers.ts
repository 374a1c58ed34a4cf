import { sql } from 'kysely';
import { countsByPerson, type HeldWork } from '../../organisation/service.ts';

// Investigations of councillors' conduct that a leaver was appointed to and has not reported on,
// moved to a monitoring officer: only they may choose who investigates a councillor (003 standards
// minute 18), and they see every case already, so no one new is let into it. The case's version
// moves on, so a form opened on it before asks to be reloaded.
export const conductInvestigations: HeldWork = {
  kind: 'conduct-investigations',
  module: 'Councillor conduct',
  title: 'Conduct investigations they have not reported on',
  href: '/conduct',
  roles: ['monitoring-officer'],
  async held(q, councilId, personIds) {
    if (personIds.length === 0) return new Map();
    const { rows } = await sql<{ person: string; count: number }>`
      select investigator_id as person, count(*)::int as count from conduct_complaint
      where council_id = ${councilId} and state = 'investigation'
        and investigator_id = any(${[...personIds]}::uuid[])
      group by investigator_id`.execute(q);
    return countsByPerson(rows);
  },
  async move(trx, councilId, from, to) {
    const moved = await trx
      .updateTable('conduct_complaint')
      .set((eb) => ({ investigator_id: to.id, version: eb('version', '+', 1) }))
      .where('council_id', '=', councilId)
      .where('state', '=', 'investigation')
      .where('investigator_id', '=', from)
      .returning('id')
      .execute();
    return moved.map((row) => row.id);
  },
};
