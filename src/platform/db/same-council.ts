import { type JoinBuilder, type SqlBool, sql } from 'kysely';

type Ref = `${string}.${string}`;

const councilOf = (ref: Ref) => sql.ref(`${ref.slice(0, ref.indexOf('.'))}.council_id`);

// The join condition for a row and the row its key points at: every key starts with council_id,
// so the two rows are in the same council and `left` = `right`.
//   .innerJoin('person as p', sameCouncil('p.id', 'c.handler_id'))
export function sameCouncil(left: Ref, right: Ref) {
  return <DB, TB extends keyof DB>(join: JoinBuilder<DB, TB>) =>
    join.on(sql<SqlBool>`${councilOf(left)} = ${councilOf(right)} and ${sql.ref(left)} = ${sql.ref(right)}`);
}
