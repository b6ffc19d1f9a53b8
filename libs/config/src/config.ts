import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, Min, MinLength, ValidateIf, validateSync } from 'class-validator';

const toBool = ({ value }: { value: unknown }) =>
  value === undefined ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase()) ? true
    : ['0', 'false', 'no', 'off'].includes(String(value).toLowerCase()) ? false : value;
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value);
const toList = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value : typeof value === 'string' ? value.split(',').map((v) => v.trim()).filter(Boolean) : value;

/** Every environment variable the product reads; nothing else in the code reads process.env. */
class Environment {
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT: number = 3000;

  @IsOptional() @IsString()
  HOST: string = '127.0.0.1';

  @IsOptional() @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// connection URL' })
  DATABASE_URL?: string;

  /**
   * The owner's connection (runs the migrations, grants the runtime role what it needs); DATABASE_URL
   * is then the runtime role's. Unset: DATABASE_URL does both.
   */
  @IsOptional() @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// connection URL' })
  MIGRATION_DATABASE_URL?: string;

  @IsOptional() @IsString()
  DATA_DIR: string = './.data';

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(65535)
  EMBEDDED_PG_PORT: number = 54329;

  @IsOptional() @Matches(/^esdb(\+discover)?:\/\/\S+$/, { message: 'must be an esdb:// connection string' })
  EVENTSTORE_URL?: string;

  @IsOptional() @Transform(toBool) @IsBoolean({ message: 'must be true or false' })
  SEED_DEMO: boolean = true;

  @IsOptional() @IsIn(['inline', 'off'], { message: 'must be inline (projector runs in the API) or off (run apps/projector)' })
  PROJECTOR: 'inline' | 'off' = 'inline';

  @IsOptional() @IsIn(['error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';

  /** HS256 key of the locally issued access tokens. Unset: one is generated once and kept in DATA_DIR/jwt-secret. */
  @IsOptional() @IsString() @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  /** PEM file (PKCS#8) of the Ed25519 key that signs audit manifests. Unset: generated once into DATA_DIR/audit-signing-key.pem. */
  @IsOptional() @IsString() @MinLength(1)
  AUDIT_SIGNING_KEY?: string;

  /** Lifetime of a locally issued access token, in seconds. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(60) @Max(86400)
  ACCESS_TOKEN_TTL: number = 900;

  /** External OpenID Connect provider whose tokens are accepted besides the local ones. */
  @IsOptional() @Matches(/^https?:\/\/\S+$/, { message: 'must be an http(s) URL' })
  OIDC_ISSUER?: string;

  @ValidateIf((e: Environment) => e.OIDC_ISSUER !== undefined || e.OIDC_AUDIENCE !== undefined)
  @IsString({ message: 'is required when OIDC_ISSUER is set' }) @IsNotEmpty()
  OIDC_AUDIENCE?: string;

  /** Defaults to the jwks_uri of the issuer's /.well-known/openid-configuration. */
  @IsOptional() @Matches(/^https?:\/\/\S+$/, { message: 'must be an http(s) URL' })
  OIDC_JWKS_URL?: string;

  /** Comma-separated origins allowed to call the API from a browser; empty: no cross-origin access. */
  @IsOptional() @Transform(toList) @Matches(/^https?:\/\/[^/\s,]+$/, { each: true, message: 'must be a comma-separated list of origins like https://radar.example.de' })
  CORS_ORIGINS: string[] = [];

  /** Largest accepted request body, e.g. 100kb or 1mb. */
  @IsOptional() @Matches(/^\d+(b|kb|mb)$/i, { message: 'must be a size like 100kb or 1mb' })
  BODY_LIMIT: string = '100kb';

  /** Login attempts per client address and minute. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1)
  RATE_LIMIT_LOGIN_PER_MINUTE: number = 10;

  /** Daily backup by the API at this local time (HH:MM), to DATA_DIR/backups; unset: none. */
  @IsOptional() @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time of day like 02:30' })
  BACKUP_SCHEDULE?: string;

  /** How many scheduled backups are kept (the oldest go first). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1000)
  BACKUP_KEEP: number = 7;

  /** Writes (POST, PUT, PATCH, DELETE) per user (or address, without login) and minute. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1)
  RATE_LIMIT_WRITES_PER_MINUTE: number = 120;

  /**
   * Bearer token a Prometheus scraper sends to GET /api/metrics. Unset: the endpoint answers no one
   * (the figures name routes, pools and lag, nothing for the public).
   */
  @IsOptional() @IsString() @MinLength(16, { message: 'must be at least 16 characters' })
  METRICS_TOKEN?: string;

  /** Reminder mails: `on` plans and sends them inside the API every REMINDER_INTERVAL seconds (needs SMTP_URL, MAIL_FROM, PUBLIC_URL). */
  @IsOptional() @IsIn(['on', 'off'], { message: 'must be on or off' })
  REMINDERS: 'on' | 'off' = 'off';

  @IsOptional() @Transform(toInt) @IsInt() @Min(10) @Max(86400)
  REMINDER_INTERVAL: number = 300;

  /** Days before an answer or report is due that the committee's first reminder goes out. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(90)
  REMINDER_DAYS_BEFORE: number = 14;

  /** smtp://user:password@host:port or smtps://…; required when REMINDERS=on. */
  @ValidateIf((e: Environment) => e.REMINDERS === 'on' || e.SMTP_URL !== undefined)
  @Matches(/^smtps?:\/\/\S+$/, { message: 'must be an smtp:// or smtps:// URL (required when REMINDERS=on)' })
  SMTP_URL?: string;

  /** Sender of reminder mails, e.g. "Empfehlungsradar <radar@bildungsbuero.example>". */
  @ValidateIf((e: Environment) => e.REMINDERS === 'on' || e.MAIL_FROM !== undefined)
  @Matches(/^([^<>\n]*<)?[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>?$/, { message: 'must be a mail address, optionally as Name <address> (required when REMINDERS=on)' })
  MAIL_FROM?: string;

  /** Address people open the product at; mails link to it. */
  @ValidateIf((e: Environment) => e.REMINDERS === 'on' || e.PUBLIC_URL !== undefined)
  @Matches(/^https?:\/\/[^\s/]+(\/\S*)?$/, { message: 'must be an http(s) URL (required when REMINDERS=on)' })
  PUBLIC_URL?: string;
}

/** Never echoed back in an error message: it would end up in logs. */
const SECRET_VARIABLES = ['JWT_SECRET', 'DATABASE_URL', 'MIGRATION_DATABASE_URL', 'METRICS_TOKEN', 'SMTP_URL'];

/** Variables without a default; Object.keys of a fresh Environment does not list them. */
const OPTIONAL_VARIABLES = ['BACKUP_SCHEDULE', 'DATABASE_URL', 'MIGRATION_DATABASE_URL', 'EVENTSTORE_URL', 'JWT_SECRET', 'OIDC_ISSUER', 'OIDC_AUDIENCE', 'OIDC_JWKS_URL', 'METRICS_TOKEN', 'SMTP_URL', 'MAIL_FROM', 'PUBLIC_URL'];

export type AppConfig = Readonly<Environment>;

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(`Ungültige Konfiguration / invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`);
  }
}

/** Reads and validates the environment once; a wrong value throws naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new Environment());
  const raw = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => (known.includes(k) || OPTIONAL_VARIABLES.includes(k)) && v !== ''),
  );
  const config = plainToInstance(Environment, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false });
  const problems = errors.map((e) => ({
    variable: e.property,
    message: `${Object.values(e.constraints ?? {}).join('; ')} (got ${SECRET_VARIABLES.includes(e.property) ? 'a hidden value' : JSON.stringify(e.value)})`,
  }));
  if (config.MIGRATION_DATABASE_URL !== undefined && config.DATABASE_URL === undefined) {
    problems.push({ variable: 'MIGRATION_DATABASE_URL', message: 'needs DATABASE_URL (the runtime role) beside it' });
  }
  if (problems.length) throw new ConfigError(problems);
  return Object.freeze(config);
}
