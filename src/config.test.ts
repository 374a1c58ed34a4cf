import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

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
    expect(config.auditCheckpoints).toEqual({
      key: { devFile: './data/audit-checkpoint.key' },
      dir: './data/audit-checkpoints',
      everyMs: 5 * 60_000,
    });
  });

  it('signs audit checkpoints with the configured key', () => {
    const config = loadConfig({
      AUDIT_CHECKPOINT_KEY: 'k'.repeat(32),
      AUDIT_CHECKPOINT_DIR: '/var/lib/probity-checkpoints',
      AUDIT_CHECKPOINT_MINUTES: '15',
    });
    expect(config.auditCheckpoints).toEqual({
      key: { secret: 'k'.repeat(32) },
      dir: '/var/lib/probity-checkpoints',
      everyMs: 15 * 60_000,
    });
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
    [
      { NODE_ENV: 'production', COOKIE_SECRET: 'c'.repeat(32) },
      'AUDIT_CHECKPOINT_KEY is required when NODE_ENV=production',
    ],
    [{ AUDIT_CHECKPOINT_KEY: 'short' }, 'AUDIT_CHECKPOINT_KEY: must be at least 32 characters'],
    [{ AUDIT_CHECKPOINT_MINUTES: '0' }, 'AUDIT_CHECKPOINT_MINUTES'],
    [
      { NODE_ENV: 'production', COOKIE_SECRET: 'x'.repeat(32), AUDIT_CHECKPOINT_KEY: 'k'.repeat(32) },
      'EMAIL_TRANSPORT=folder only writes email to files; set EMAIL_TRANSPORT=smtp',
    ],
    [
      {
        NODE_ENV: 'production',
        COOKIE_SECRET: 'x'.repeat(32),
        AUDIT_CHECKPOINT_KEY: 'k'.repeat(32),
        EMAIL_TRANSPORT: 'folder',
      },
      'EMAIL_FOLDER_IN_PRODUCTION=true',
    ],
    [
      {
        NODE_ENV: 'production',
        COOKIE_SECRET: 'x'.repeat(32),
        AUDIT_CHECKPOINT_KEY: 'k'.repeat(32),
        EMAIL_TRANSPORT: 'smtp',
        SMTP_URL: 'smtp://relay:587',
      },
      'SMS_TRANSPORT=folder only writes text messages to files',
    ],
    [
      {
        NODE_ENV: 'production',
        COOKIE_SECRET: 'x'.repeat(32),
        AUDIT_CHECKPOINT_KEY: 'k'.repeat(32),
        EMAIL_TRANSPORT: 'smtp',
        SMTP_URL: 'smtp://relay:587',
        SMS_FOLDER_IN_PRODUCTION: 'true',
      },
      'CONCERNS_KEY_FILE is required when NODE_ENV=production',
    ],
    [{ SMS_TRANSPORT: 'pigeon' }, 'SMS_TRANSPORT'],
    [{ SMS_TRANSPORT: 'notify' }, 'NOTIFY_API_KEY and NOTIFY_SMS_TEMPLATE_ID are required'],
    [{ NOTIFY_API_KEY: 'not-a-key' }, 'NOTIFY_API_KEY: must be a GOV.UK Notify API key'],
    [{ NOTIFY_SMS_TEMPLATE_ID: 'body' }, 'NOTIFY_SMS_TEMPLATE_ID'],
    [{ LOG_LEVEL: 'chatty' }, 'LOG_LEVEL'],
    [{ TRUST_PROXY: 'true' }, 'TRUST_PROXY: true would believe any client about its own address; set the'],
    [{ TRUST_PROXY: '1' }, 'TRUST_PROXY: a number of proxies cannot tell a proxy from a client'],
    [{ TRUST_PROXY: 'yes' }, 'TRUST_PROXY: yes is not an address or CIDR range'],
    [{ TRUST_PROXY: '10.0.0.0/33' }, '10.0.0.0/33 is not'],
    [{ TRUST_PROXY: '10.0.0.1,proxy.internal' }, 'proxy.internal is not'],
  ])('refuses %j, naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('writes email to a folder in production only when told so explicitly', () => {
    const production = {
      NODE_ENV: 'production',
      COOKIE_SECRET: 'x'.repeat(32),
      AUDIT_CHECKPOINT_KEY: 'k'.repeat(32),
      SMS_FOLDER_IN_PRODUCTION: 'true',
      CONCERNS_KEY_FILE: '/etc/probity/concerns-keys.json',
    };
    expect(loadConfig({ ...production, EMAIL_FOLDER_IN_PRODUCTION: 'true' }).email.transport).toBe('folder');
    expect(
      loadConfig({ ...production, EMAIL_TRANSPORT: 'smtp', SMTP_URL: 'smtp://relay:587' }).email,
    ).toMatchObject({ transport: 'smtp' });
  });

  it('writes texts to a folder in development, and sends them through Notify when configured', () => {
    expect(loadConfig({}).sms).toEqual({ transport: 'folder', folder: './data/sms' });
    const apiKey = `probity_test-${'2'.repeat(8)}-2222-2222-2222-${'2'.repeat(12)}-${'3'.repeat(8)}-3333-3333-3333-${'3'.repeat(12)}`;
    const templateId = '6f1b2c3d-4e5f-4a1b-8c2d-3e4f5a6b7c8d';
    expect(
      loadConfig({ SMS_TRANSPORT: 'notify', NOTIFY_API_KEY: apiKey, NOTIFY_SMS_TEMPLATE_ID: templateId }).sms,
    ).toEqual({
      transport: 'notify',
      apiKey,
      templateId,
      baseUrl: 'https://api.notifications.service.gov.uk',
    });
  });

  it('never names a bad Notify key in its message', () => {
    expect(() => loadConfig({ NOTIFY_API_KEY: 'secret-value-here' })).toThrow(/NOTIFY_API_KEY/);
    expect(() => loadConfig({ NOTIFY_API_KEY: 'secret-value-here' })).not.toThrow(/secret-value-here/);
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

  it('estimates travel in straight lines without a routing engine, and uses one named with its address', () => {
    expect(loadConfig({}).routing).toBeNull();
    expect(
      loadConfig({ ROUTING_ENGINE: 'osrm', ROUTING_ENGINE_URL: 'http://osrm.internal:5000/' }).routing,
    ).toEqual({ kind: 'osrm', url: 'http://osrm.internal:5000' });
    expect(
      loadConfig({ ROUTING_ENGINE: 'valhalla', ROUTING_ENGINE_URL: 'https://valhalla.internal' }).routing,
    ).toEqual({ kind: 'valhalla', url: 'https://valhalla.internal' });
  });

  it.each([
    [{ ROUTING_ENGINE: 'graphhopper', ROUTING_ENGINE_URL: 'http://x' }, 'ROUTING_ENGINE'],
    [{ ROUTING_ENGINE: 'osrm' }, 'ROUTING_ENGINE_URL go together'],
    [{ ROUTING_ENGINE_URL: 'http://osrm.internal' }, 'ROUTING_ENGINE_URL go together'],
    [
      { ROUTING_ENGINE: 'osrm', ROUTING_ENGINE_URL: 'osrm.internal:5000' },
      'ROUTING_ENGINE_URL: must be the http://',
    ],
  ])('refuses the routing engine %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
