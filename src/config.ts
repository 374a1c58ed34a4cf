import { isIP } from 'node:net';
import { z } from 'zod';
import type { RoutingEngine } from './platform/geo/travel.ts';
import type { SmsSettings } from './platform/notify/texter.ts';

// Every setting comes from the environment, is listed in the README, and is checked at start:
// a bad value stops the process with a message naming the variable.
const boolean = z.enum(['true', 'false']).transform((value) => value === 'true');

// The client's address is the right-most one in X-Forwarded-For that a trusted proxy did not add,
// so only proxies at the given addresses, CIDR ranges or named ranges are believed. Trusting every
// hop would let a client write its own address and escape every per-address limit; a hop count
// cannot tell the proxy from a client that connects directly (Fastify refuses it for that reason).
const proxyRanges = new Set(['loopback', 'linklocal', 'uniquelocal']);
const listProxies =
  'set the addresses or CIDR ranges of the proxies in front of Probity, separated by commas (e.g. 10.0.0.0/8), or false';

function isProxyAddress(entry: string): boolean {
  if (proxyRanges.has(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128));
}

const trustedProxies = z.string().transform((value, context): false | string[] => {
  if (value === 'false') return false;
  const entries = value.split(',').map((entry) => entry.trim());
  const bad = entries.filter((entry) => !isProxyAddress(entry));
  if (bad.length === 0) return entries;
  const refused =
    value === 'true'
      ? 'true would believe any client about its own address'
      : /^\d+$/.test(value)
        ? 'a number of proxies cannot tell a proxy from a client that connects directly'
        : `${bad.join(', ')} is not an address or CIDR range`;
  context.addIssue({ code: 'custom', message: `${refused}; ${listProxies}` });
  return z.NEVER;
});

const uuidPattern = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const notifyKey = new RegExp(`^.+-${uuidPattern}-${uuidPattern}$`, 'i');

const environment = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  BASE_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  COOKIE_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SECURE_COOKIES: boolean.optional(),
  TRUST_PROXY: trustedProxies.default(false),
  EMAIL_TRANSPORT: z.enum(['folder', 'smtp']).default('folder'),
  EMAIL_FOLDER: z.string().min(1).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  EMAIL_FROM: z.string().min(3).default('Probity <probity@localhost>'),
  EMAIL_FOLDER_IN_PRODUCTION: boolean.default(false),
  SMS_TRANSPORT: z.enum(['folder', 'notify']).default('folder'),
  SMS_FOLDER: z.string().min(1).optional(),
  SMS_FOLDER_IN_PRODUCTION: boolean.default(false),
  // A Notify key is its name, the service's id and the secret: name-<uuid>-<uuid>.
  NOTIFY_API_KEY: z
    .string()
    .regex(notifyKey, 'must be a GOV.UK Notify API key: its name, then the service id and the secret')
    .optional(),
  NOTIFY_SMS_TEMPLATE_ID: z.uuid('must be the id of a Notify text message template').optional(),
  NOTIFY_BASE_URL: z.url().default('https://api.notifications.service.gov.uk'),
  API_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(600),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  AUDIT_CHECKPOINT_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  AUDIT_CHECKPOINT_DIR: z.string().min(1).optional(),
  AUDIT_CHECKPOINT_MINUTES: z.coerce.number().int().min(1).max(1440).default(5),
  ROUTING_ENGINE: z.enum(['osrm', 'valhalla']).optional(),
  ROUTING_ENGINE_URL: z
    .string()
    .regex(/^https?:\/\/[^\s]+$/, 'must be the http:// or https:// address of the routing server')
    .optional(),
  // The key file of the master keys that protect raised concerns (see docs/operations.md).
  CONCERNS_KEY_FILE: z.string().min(1).optional(),
  // How long the route planner searches for a team's day, in seconds.
  ROUTE_SEARCH_SECONDS: z.coerce.number().min(0.2).max(60).default(3),
});

export type Config = {
  port: number;
  host: string;
  baseUrl: string;
  database: { url: string } | { dataDir: string };
  dataDir: string;
  cookieSecret: string | undefined;
  secureCookies: boolean;
  // Fastify's trustProxy: false, or the addresses and ranges of the proxies to believe.
  trustProxy: false | string[];
  email:
    | { transport: 'folder'; folder: string; from: string }
    | { transport: 'smtp'; url: string; from: string };
  sms: SmsSettings;
  logLevel: string;
  production: boolean;
  // Requests a minute that one API token may make.
  apiRateLimit: number;
  auditCheckpoints: AuditCheckpointSettings;
  // The routing engine for travel times between visits; without one, straight-line estimates.
  routing: RoutingEngine | null;
  routeSearchMs: number;
  // Where the keys that protect raised concerns are: the configured file, which must exist, or
  // outside production a development file made on first use.
  concernKeys: { file: string; makeIfMissing: boolean; variable: string };
};

// Where the audit trail's signed checkpoints go and what signs them: the configured key, or
// outside production a key kept in a file that is made on first use.
export type AuditCheckpointSettings = {
  key: { secret: string } | { devFile: string };
  dir: string;
  everyMs: number;
};

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined>): Config {
  // An empty variable counts as unset, as in most deployment tools.
  const given = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = environment.safeParse(given);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Probity cannot start: bad configuration\n${problems.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (production && !e.COOKIE_SECRET) {
    throw new ConfigError('Probity cannot start: COOKIE_SECRET is required when NODE_ENV=production');
  }
  if (production && !e.AUDIT_CHECKPOINT_KEY) {
    throw new ConfigError('Probity cannot start: AUDIT_CHECKPOINT_KEY is required when NODE_ENV=production');
  }
  // A folder transport sends nothing: in production people would never get their emails, and
  // whoever can read the folder could use links meant for others.
  if (production && e.EMAIL_TRANSPORT === 'folder' && !e.EMAIL_FOLDER_IN_PRODUCTION) {
    throw new ConfigError(
      'Probity cannot start: EMAIL_TRANSPORT=folder only writes email to files; set EMAIL_TRANSPORT=smtp with SMTP_URL when NODE_ENV=production, or EMAIL_FOLDER_IN_PRODUCTION=true if that is really meant',
    );
  }
  if (e.EMAIL_TRANSPORT === 'smtp' && !e.SMTP_URL) {
    throw new ConfigError('Probity cannot start: SMTP_URL is required when EMAIL_TRANSPORT=smtp');
  }
  const sms = smsSettings(e, production);
  const routing = routingEngine(e);
  // Raised concerns are sealed with keys kept outside the database; production names their file.
  if (production && !e.CONCERNS_KEY_FILE) {
    throw new ConfigError('Probity cannot start: CONCERNS_KEY_FILE is required when NODE_ENV=production');
  }
  const baseUrl = (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    baseUrl,
    database: e.DATABASE_URL ? { url: e.DATABASE_URL } : { dataDir: `${e.DATA_DIR}/db` },
    dataDir: e.DATA_DIR,
    cookieSecret: e.COOKIE_SECRET,
    secureCookies: e.SECURE_COOKIES ?? baseUrl.startsWith('https:'),
    trustProxy: e.TRUST_PROXY,
    email:
      e.EMAIL_TRANSPORT === 'smtp'
        ? { transport: 'smtp', url: e.SMTP_URL ?? '', from: e.EMAIL_FROM }
        : { transport: 'folder', folder: e.EMAIL_FOLDER ?? `${e.DATA_DIR}/outbox`, from: e.EMAIL_FROM },
    sms,
    logLevel: e.LOG_LEVEL,
    production,
    apiRateLimit: e.API_RATE_LIMIT,
    auditCheckpoints: {
      key: e.AUDIT_CHECKPOINT_KEY
        ? { secret: e.AUDIT_CHECKPOINT_KEY }
        : { devFile: `${e.DATA_DIR}/audit-checkpoint.key` },
      dir: e.AUDIT_CHECKPOINT_DIR ?? `${e.DATA_DIR}/audit-checkpoints`,
      everyMs: e.AUDIT_CHECKPOINT_MINUTES * 60_000,
    },
    routing,
    routeSearchMs: e.ROUTE_SEARCH_SECONDS * 1000,
    concernKeys: {
      file: e.CONCERNS_KEY_FILE ?? `${e.DATA_DIR}/concerns-keys.json`,
      makeIfMissing: !e.CONCERNS_KEY_FILE,
      variable: 'CONCERNS_KEY_FILE',
    },
  };
}

// A routing engine is named with its address, or not at all: one without the other is a mistake.
function routingEngine(e: z.infer<typeof environment>): RoutingEngine | null {
  if (!e.ROUTING_ENGINE && !e.ROUTING_ENGINE_URL) return null;
  if (!e.ROUTING_ENGINE || !e.ROUTING_ENGINE_URL)
    throw new ConfigError(
      'Probity cannot start: ROUTING_ENGINE (osrm or valhalla) and ROUTING_ENGINE_URL go together; set both, or neither for straight-line travel estimates',
    );
  return { kind: e.ROUTING_ENGINE, url: e.ROUTING_ENGINE_URL.replace(/\/+$/, '') };
}

// Text messages are safety alerts: a folder transport in production would leave a lone worker's
// alert unsent, so it is refused there unless really meant.
function smsSettings(e: z.infer<typeof environment>, production: boolean): SmsSettings {
  if (e.SMS_TRANSPORT === 'folder') {
    if (production && !e.SMS_FOLDER_IN_PRODUCTION)
      throw new ConfigError(
        'Probity cannot start: SMS_TRANSPORT=folder only writes text messages to files; set SMS_TRANSPORT=notify with NOTIFY_API_KEY and NOTIFY_SMS_TEMPLATE_ID when NODE_ENV=production, or SMS_FOLDER_IN_PRODUCTION=true if that is really meant',
      );
    return { transport: 'folder', folder: e.SMS_FOLDER ?? `${e.DATA_DIR}/sms` };
  }
  if (!e.NOTIFY_API_KEY || !e.NOTIFY_SMS_TEMPLATE_ID)
    throw new ConfigError(
      'Probity cannot start: NOTIFY_API_KEY and NOTIFY_SMS_TEMPLATE_ID are required when SMS_TRANSPORT=notify',
    );
  return {
    transport: 'notify',
    apiKey: e.NOTIFY_API_KEY,
    templateId: e.NOTIFY_SMS_TEMPLATE_ID,
    baseUrl: e.NOTIFY_BASE_URL.replace(/\/$/, ''),
  };
}
