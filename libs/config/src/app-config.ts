import { DateTime, Duration } from 'luxon';

/** Typed, validated configuration. `process.env` is read here and nowhere else. */
export interface AppConfig {
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  port: number;
  appUrl: string;
  smtpUrl?: string;
  /** SMTP connections kept open at once (nodemailer's pool). */
  smtpMaxConnections: number;
  mailFrom: string;
  outboxDir: string;
  adminEmail?: string;
  adminPassword?: string;
  jwtSecret?: string;
  /** Lifetime of a login token. */
  accessTokenTtl: Duration;
  /** Lifetime of the progress link in a reminder e-mail. */
  progressLinkTtl: Duration;
  reminderOffsets: Duration[];
  reminderAlign: 'working-morning' | 'none';
  reminderSendAt: string;
  overdueEvery: Duration;
  escalateAfter: Duration;
  /** Delivery attempts of one reminder e-mail before it is marked failed. */
  mailAttempts: number;
  /** First retry delay; each further retry waits twice as long. */
  mailRetryDelay: Duration;
  /** How often the reconciler re-creates timers missing from Redis. */
  reconcileEvery: Duration;
  /** How long a process may take to stop gracefully after SIGTERM/SIGINT before it exits anyway. */
  shutdownTimeout: Duration;
  /** How often the roll-ups pick up due times that passed (overdue changes without any event). */
  rollupSweepEvery: Duration;
  /** Cron of the nightly roll-up reconciliation, in `rollupZone`; undefined: off. */
  rollupRebuildCron?: string;
  /** Cron of the daily roll-up snapshot (the trend's data), in `rollupZone`; undefined: off. */
  rollupSnapshotCron?: string;
  /** The zone whose calendar days the snapshots are, and in which the crons run. */
  rollupZone: string;
  /** Weekday of the leadership digest in each recipient's zone; undefined: no scheduled digest. */
  digestDay?: DigestDay;
  /** Local time of day of the digest. */
  digestSendAt: string;
  /** How often the worker looks for recipients whose digest is due. */
  digestCheckEvery: Duration;
  logLevel: string;
}

export const DIGEST_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type DigestDay = (typeof DIGEST_DAYS)[number];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const DEFAULTS = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/tindaklanjut',
  REDIS_URL: 'redis://127.0.0.1:6379',
  QUEUE_PREFIX: 'tl',
  PORT: '3000',
  MAIL_FROM: 'Tindak Lanjut <no-reply@tindaklanjut.example>',
  OUTBOX_DIR: 'var/outbox',
  ACCESS_TOKEN_TTL: 'PT12H',
  PROGRESS_LINK_TTL: 'P30D',
  REMINDER_OFFSETS: 'P7D,P3D,P1D,P0D',
  REMINDER_ALIGN: 'working-morning',
  REMINDER_SEND_AT: '08:00',
  OVERDUE_EVERY: 'P1D',
  ESCALATE_AFTER: 'P3D',
  LOG_LEVEL: 'info',
  MAIL_ATTEMPTS: '8',
  SMTP_MAX_CONNECTIONS: '10',
  MAIL_RETRY_DELAY: 'PT10S',
  RECONCILE_EVERY: 'PT30S',
  SHUTDOWN_TIMEOUT: 'PT30S',
  ROLLUP_SWEEP_EVERY: 'PT30S',
  ROLLUP_REBUILD_CRON: '30 2 * * *',
  ROLLUP_SNAPSHOT_CRON: '55 23 * * *',
  ROLLUP_TIMEZONE: 'Asia/Jakarta',
  DIGEST_DAY: 'mon',
  DIGEST_SEND_AT: '07:00',
  DIGEST_CHECK_EVERY: 'PT15M',
} as const;

const CRON_FIELD = /^(\*|\d+(-\d+)?)(\/\d+)?(,(\*|\d+(-\d+)?)(\/\d+)?)*$|^[A-Za-z]{3}(-[A-Za-z]{3})?(,[A-Za-z]{3})*$/;

/** A 5- or 6-field cron expression, or 'off'; the shape only (BullMQ parses it). */
function parseCron(name: string, value: string, problems: string[]): string | undefined {
  const text = value.trim();
  if (text === 'off') return undefined;
  const fields = text.split(/\s+/);
  if ((fields.length !== 5 && fields.length !== 6) || !fields.every((f) => CRON_FIELD.test(f))) {
    problems.push(`${name} must be a cron expression such as "30 2 * * *", or "off" (got "${value}")`);
  }
  return text;
}

/** Parses an ISO-8601 duration; `allowZero` admits P0D (the due-day reminder). */
export function parseIsoDuration(text: string, allowZero = false): Duration | undefined {
  const duration = Duration.fromISO(text.trim());
  if (!duration.isValid) return undefined;
  const ms = duration.as('milliseconds');
  if (ms < 0 || (!allowZero && ms === 0)) return undefined;
  return duration;
}

function parseUrl(name: string, value: string, protocols: string[], problems: string[]): string {
  try {
    const url = new URL(value);
    if (!protocols.includes(url.protocol)) {
      problems.push(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')} (got "${value}")`);
    }
  } catch {
    problems.push(`${name} is not a valid URL (got "${value}")`);
  }
  return value;
}

export function loadAppConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const get = (name: keyof typeof DEFAULTS): string => {
    const value = env[name];
    return value === undefined || value === '' ? DEFAULTS[name] : value;
  };
  const duration = (name: keyof typeof DEFAULTS, allowZero = false): Duration => {
    const parsed = parseIsoDuration(get(name), allowZero);
    if (!parsed) problems.push(`${name} must be an ISO-8601 duration such as P1D or PT6S (got "${get(name)}")`);
    return parsed ?? Duration.fromISO(DEFAULTS[name]);
  };

  const port = Number(get('PORT'));
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT must be a port number (got "${get('PORT')}")`);

  const smtpMaxConnections = Number(get('SMTP_MAX_CONNECTIONS'));
  if (!Number.isInteger(smtpMaxConnections) || smtpMaxConnections < 1 || smtpMaxConnections > 100) {
    problems.push(`SMTP_MAX_CONNECTIONS must be a whole number from 1 to 100 (got "${get('SMTP_MAX_CONNECTIONS')}")`);
  }
  const mailAttempts = Number(get('MAIL_ATTEMPTS'));
  if (!Number.isInteger(mailAttempts) || mailAttempts < 1 || mailAttempts > 50) problems.push(`MAIL_ATTEMPTS must be a whole number from 1 to 50 (got "${get('MAIL_ATTEMPTS')}")`);

  const reminderOffsets: Duration[] = [];
  for (const item of get('REMINDER_OFFSETS').split(',').map((s) => s.trim()).filter(Boolean)) {
    const parsed = parseIsoDuration(item, true);
    if (parsed) reminderOffsets.push(parsed);
    else problems.push(`REMINDER_OFFSETS item "${item}" is not an ISO-8601 duration such as P3D`);
  }

  const reminderAlign = get('REMINDER_ALIGN');
  if (reminderAlign !== 'working-morning' && reminderAlign !== 'none') {
    problems.push(`REMINDER_ALIGN must be "working-morning" or "none" (got "${reminderAlign}")`);
  }
  const reminderSendAt = get('REMINDER_SEND_AT');
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(reminderSendAt)) {
    problems.push(`REMINDER_SEND_AT must be a local time HH:mm (got "${reminderSendAt}")`);
  }

  const digestDay = get('DIGEST_DAY').trim().toLowerCase();
  if (digestDay !== 'off' && !(DIGEST_DAYS as readonly string[]).includes(digestDay)) {
    problems.push(`DIGEST_DAY must be one of ${DIGEST_DAYS.join(', ')} or "off" (got "${get('DIGEST_DAY')}")`);
  }
  const digestSendAt = get('DIGEST_SEND_AT');
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(digestSendAt)) {
    problems.push(`DIGEST_SEND_AT must be a local time HH:mm (got "${digestSendAt}")`);
  }

  const smtpUrl = env.SMTP_URL ? parseUrl('SMTP_URL', env.SMTP_URL, ['smtp:', 'smtps:'], problems) : undefined;
  if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
    problems.push('ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }

  const config: AppConfig = {
    databaseUrl: parseUrl('DATABASE_URL', get('DATABASE_URL'), ['postgres:', 'postgresql:'], problems),
    redisUrl: parseUrl('REDIS_URL', get('REDIS_URL'), ['redis:', 'rediss:'], problems),
    queuePrefix: get('QUEUE_PREFIX'),
    port,
    appUrl: (env.APP_URL || `http://localhost:${port}`).replace(/\/+$/, ''),
    smtpUrl,
    smtpMaxConnections,
    mailFrom: get('MAIL_FROM'),
    outboxDir: get('OUTBOX_DIR'),
    adminEmail: env.ADMIN_EMAIL || undefined,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    jwtSecret: env.JWT_SECRET || undefined,
    accessTokenTtl: duration('ACCESS_TOKEN_TTL'),
    progressLinkTtl: duration('PROGRESS_LINK_TTL'),
    reminderOffsets,
    reminderAlign: reminderAlign as AppConfig['reminderAlign'],
    reminderSendAt,
    overdueEvery: duration('OVERDUE_EVERY'),
    escalateAfter: duration('ESCALATE_AFTER'),
    mailAttempts,
    mailRetryDelay: duration('MAIL_RETRY_DELAY'),
    reconcileEvery: duration('RECONCILE_EVERY'),
    shutdownTimeout: duration('SHUTDOWN_TIMEOUT'),
    rollupSweepEvery: duration('ROLLUP_SWEEP_EVERY'),
    rollupRebuildCron: parseCron('ROLLUP_REBUILD_CRON', get('ROLLUP_REBUILD_CRON'), problems),
    rollupSnapshotCron: parseCron('ROLLUP_SNAPSHOT_CRON', get('ROLLUP_SNAPSHOT_CRON'), problems),
    rollupZone: get('ROLLUP_TIMEZONE'),
    digestDay: digestDay === 'off' ? undefined : (digestDay as DigestDay),
    digestSendAt,
    digestCheckEvery: duration('DIGEST_CHECK_EVERY'),
    logLevel: get('LOG_LEVEL'),
  };
  if (env.APP_URL) parseUrl('APP_URL', env.APP_URL, ['http:', 'https:'], problems);
  if (!DateTime.now().setZone(config.rollupZone).isValid) problems.push(`ROLLUP_TIMEZONE must be an IANA zone such as Asia/Jakarta (got "${config.rollupZone}")`);
  if (problems.length) throw new ConfigError(problems);
  return config;
}
