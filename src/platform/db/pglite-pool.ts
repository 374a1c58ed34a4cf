import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

type Command = PostgresQueryResult<unknown>['command'];

// PGlite is one database session. Kysely's PostgresDialect wants a pool, so this pool has one
// connection and hands it to one borrower at a time: a transaction holds it from BEGIN to
// COMMIT, and no other request's statements can interleave with it.
export function pglitePool(pglite: PGlite): PostgresPool {
  let tail: Promise<void> = Promise.resolve();

  return {
    async connect() {
      let free = () => {};
      const released = new Promise<void>((resolve) => {
        free = resolve;
      });
      const previous = tail;
      tail = previous.then(() => released);
      await previous;
      return connection(pglite, free);
    },
    async end() {
      await tail;
      await pglite.close();
    },
  };
}

function connection(pglite: PGlite, free: () => void): PostgresPoolClient {
  let released = false;
  return {
    // Kysely's query signature is overloaded; only the (sql, parameters) form is used.
    query: (async (sql: string, parameters: readonly unknown[]) => {
      if (released) throw new Error('PGlite connection used after release');
      return run(pglite, sql, parameters);
    }) as unknown as PostgresPoolClient['query'],
    release() {
      if (released) return;
      released = true;
      free();
    },
  };
}

async function run<R>(pglite: PGlite, sql: string, parameters: readonly unknown[]) {
  if (parameters.length === 0) {
    // The simple protocol, so that a migration file of many statements runs as one. The rows of
    // every statement are returned, so that a RETURNING before a closing COMMIT is not lost.
    const results = await pglite.exec(sql);
    const rowCount = results.reduce((sum, result) => sum + (result.affectedRows ?? 0), 0);
    return { command: commandOf(sql), rowCount, rows: results.flatMap((result) => result.rows) as R[] };
  }
  const result = await pglite.query<R>(sql, [...parameters]);
  // The command the database says it ran: a statement that begins WITH may insert.
  return { command: commandNamed(result.command), rowCount: result.affectedRows ?? 0, rows: result.rows };
}

// As the server's CommandComplete tag names it; for the simple protocol's several statements, the
// first statement's word.
const commandOf = (sql: string) => commandNamed(/^\s*(\w+)/.exec(sql)?.[1]);

function commandNamed(word: string | undefined): Command {
  const upper = word?.toUpperCase();
  return upper === 'INSERT' || upper === 'UPDATE' || upper === 'DELETE' || upper === 'MERGE'
    ? upper
    : 'SELECT';
}
