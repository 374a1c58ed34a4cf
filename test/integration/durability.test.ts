import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedDemoCouncil } from '../../src/modules/organisation/councils/demo.ts';
import { verifyAuditChain } from '../../src/platform/audit/audit-chain.ts';
import { createApiToken } from '../../src/platform/auth/api-tokens.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { openDatabase } from '../../src/platform/db/connection.ts';
import { migrateToLatest } from '../../src/platform/db/migrator.ts';
import { freePort, startProbityProcess } from '../support/process.ts';

const rounds = 5;

const kill = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

// The embedded database must keep everything the user was told is saved, whenever the process dies.
describe('the embedded database killed with SIGKILL', () => {
  let dataDir = '';
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it(`keeps every acknowledged record, ${rounds} times over`, async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'probity-durability-'));
    const setUp = await openDatabase({ dataDir: join(dataDir, 'db') });
    await migrateToLatest(setUp.db);
    const { councilId } = await seedDemoCouncil(setUp.db, systemClock);
    const admin = await setUp.db
      .selectFrom('person as p')
      .innerJoin('person_role as r', (j) => j.onRef('r.person_id', '=', 'p.id'))
      .select('p.id')
      .where('r.role', '=', 'system-administrator')
      .executeTakeFirstOrThrow();
    const { token } = await createApiToken(
      setUp.db,
      { councilId, personId: admin.id, label: 'Durability test' },
      { name: 'durability', scope: 'read-write', expiresInDays: null },
      new Date(),
    );
    await setUp.close();

    const acknowledged: string[] = [];
    const port = await freePort();
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    for (let round = 1; round <= rounds; round++) {
      const { child: server } = await startProbityProcess(dataDir, port, { API_RATE_LIMIT: '100000' });
      const killAt = Date.now() + 200 + Math.random() * 1200;
      const killed = new Promise<void>((resolve) =>
        setTimeout(() => kill(server).then(resolve), killAt - Date.now()),
      );
      const writers = Array.from({ length: 4 }, async (_, writer) => {
        for (let n = 0; Date.now() < killAt + 100; n++) {
          try {
            const response = await fetch(`http://127.0.0.1:${port}/api/v1/people`, {
              method: 'POST',
              headers,
              body: JSON.stringify({
                name: `Durable ${round}-${writer}-${n}`,
                email: `durable-${round}-${writer}-${n}@probity.test`,
                jobTitle: 'Officer',
                employmentType: 'employee',
                politicallyRestricted: false,
                roles: ['officer'],
              }),
            });
            if (response.status === 201) acknowledged.push(((await response.json()) as { id: string }).id);
          } catch {
            return;
          }
        }
      });
      await Promise.all([killed, ...writers]);

      const { child: restarted } = await startProbityProcess(dataDir, port);
      try {
        const missing: string[] = [];
        for (const id of acknowledged) {
          const response = await fetch(`http://127.0.0.1:${port}/api/v1/people/${id}`, { headers });
          if (response.status !== 200) missing.push(id);
        }
        expect(missing, `round ${round}`).toEqual([]);
      } finally {
        await kill(restarted);
      }
    }
    expect(acknowledged.length).toBeGreaterThan(rounds);
    const check = await openDatabase({ dataDir: join(dataDir, 'db') });
    try {
      const councils = await check.db.selectFrom('council').select('council_id').execute();
      for (const council of councils)
        expect(await verifyAuditChain(check.db, council.council_id)).toMatchObject({ intact: true });
    } finally {
      await check.close();
    }
  }, 180_000);
});
