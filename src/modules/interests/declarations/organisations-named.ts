import { sql } from 'kysely';

// The organisations a declaration names, in the order it names them, for a query over
// `declaration as d`.
export const organisationsNamed = sql<string[]>`coalesce((select array_agg(dp.name order by dp.position)
  from declaration_party dp where dp.council_id = d.council_id and dp.declaration_id = d.id
  and dp.kind = 'organisation'), '{}')`;
