import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);
// The journeys run against Probity as a newcomer starts it: the embedded database with the demo
// council, in a fresh folder, with email written to the outbox folder.
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'probity-e2e-'));
process.env.E2E_DATA_DIR = dataDir;

export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: '.tmp/playwright-report.json' }]],
  use: {
    baseURL: `http://localhost:${port}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'off',
  },
  webServer: {
    command: 'node src/main.ts serve --demo',
    url: `http://localhost:${port}/health/ready`,
    reuseExistingServer: false,
    // A fresh demo council is seeded with its past year before the server listens: seconds on an
    // idle machine, much longer on a busy CI runner.
    timeout: 180_000,
    env: {
      PORT: String(port),
      DATA_DIR: dataDir,
      EMAIL_TRANSPORT: 'folder',
      LOG_LEVEL: 'warn',
      BASE_URL: `http://localhost:${port}`,
      // Where the single sign-on journey keeps the demo council's client secret.
      PROBITY_OIDC_SECRETS_DIR: join(dataDir, 'oidc-secrets'),
    },
  },
});
