import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('configuration', () => {
  it('runs on the embedded database in ./data with nothing set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      baseUrl: 'http://localhost:3000',
      database: { dataDir: './data/db' },
      secureCookies: false,
    });
    expect(config.email).toMatchObject({ transport: 'folder', folder: './data/outbox' });
  });

  it('uses PostgreSQL when DATABASE_URL is set, and secure cookies behind https', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u@db/probity',
      BASE_URL: 'https://probity.example.gov.uk/',
    });
    expect(config).toMatchObject({
      database: { url: 'postgres://u@db/probity' },
      baseUrl: 'https://probity.example.gov.uk',
      secureCookies: true,
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL: must be a postgres:// connection URL'],
    [{ EMAIL_TRANSPORT: 'pigeon' }, 'EMAIL_TRANSPORT'],
    [{ EMAIL_TRANSPORT: 'smtp' }, 'SMTP_URL is required when EMAIL_TRANSPORT=smtp'],
    [{ NODE_ENV: 'production' }, 'COOKIE_SECRET is required when NODE_ENV=production'],
    [{ COOKIE_SECRET: 'short' }, 'COOKIE_SECRET: must be at least 32 characters'],
    [{ LOG_LEVEL: 'chatty' }, 'LOG_LEVEL'],
    [{ TRUST_PROXY: 'true' }, 'TRUST_PROXY: true would believe any client about its own address; set the'],
    [{ TRUST_PROXY: '1' }, 'TRUST_PROXY: a number of proxies cannot tell a proxy from a client'],
    [{ TRUST_PROXY: 'yes' }, 'TRUST_PROXY: yes is not an address or CIDR range'],
    [{ TRUST_PROXY: '10.0.0.0/33' }, '10.0.0.0/33 is not'],
    [{ TRUST_PROXY: '10.0.0.1,proxy.internal' }, 'proxy.internal is not'],
  ])('refuses %j, naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it.each([
    [undefined, false],
    ['false', false],
    ['10.0.0.1', ['10.0.0.1']],
    ['10.0.0.0/8, fd00::/8,loopback', ['10.0.0.0/8', 'fd00::/8', 'loopback']],
  ])('trusts the proxies TRUST_PROXY=%s names: %j', (value, trusted) => {
    expect(loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).trustProxy).toEqual(trusted);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' })).toMatchObject({
      port: 3000,
      database: { dataDir: './data/db' },
    });
  });
});
