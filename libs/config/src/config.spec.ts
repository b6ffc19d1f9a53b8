import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('gives sensible defaults on an empty environment', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3000, DATA_DIR: './.data', SEED_DEMO: true, PROJECTOR: 'inline' });
    expect(c.DATABASE_URL).toBeUndefined();
  });

  it('names the variable of a bad value', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ EVENTSTORE_URL: 'http://x' })).toThrow(/EVENTSTORE_URL/);
    expect(() => loadConfig({ SEED_DEMO: 'vielleicht' })).toThrow(ConfigError);
  });

  it('takes MIGRATION_DATABASE_URL only beside DATABASE_URL, and never echoes either', () => {
    const both = loadConfig({ DATABASE_URL: 'postgres://app:geheim@db/x', MIGRATION_DATABASE_URL: 'postgres://owner:geheimer@db/x' });
    expect(both.MIGRATION_DATABASE_URL).toBe('postgres://owner:geheimer@db/x');
    expect(() => loadConfig({ MIGRATION_DATABASE_URL: 'postgres://owner:geheimer@db/x' })).toThrow(/MIGRATION_DATABASE_URL: needs DATABASE_URL/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://a@db/x', MIGRATION_DATABASE_URL: 'mysql://owner:geheimer@db/x' })).toThrow(/MIGRATION_DATABASE_URL.*hidden value/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://a@db/x', MIGRATION_DATABASE_URL: 'mysql://owner:geheimer@db/x' })).not.toThrow(/geheimer/);
  });

  it('reads booleans and numbers from strings', () => {
    expect(loadConfig({ SEED_DEMO: 'false', PORT: '8080' })).toMatchObject({ SEED_DEMO: false, PORT: 8080 });
  });
});

describe('loadConfig: access control', () => {
  it('defaults to short-lived tokens, no CORS, a 100kb body limit and modest rate limits', () => {
    expect(loadConfig({})).toMatchObject({
      ACCESS_TOKEN_TTL: 900,
      CORS_ORIGINS: [],
      BODY_LIMIT: '100kb',
      RATE_LIMIT_LOGIN_PER_MINUTE: 10,
      RATE_LIMIT_WRITES_PER_MINUTE: 120,
    });
    expect(loadConfig({}).JWT_SECRET).toBeUndefined();
  });

  it('refuses a short JWT_SECRET without echoing it', () => {
    let message = '';
    try {
      loadConfig({ JWT_SECRET: 'geheim-aber-zu-kurz' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/JWT_SECRET/);
    expect(message).not.toContain('geheim-aber-zu-kurz');
    expect(loadConfig({ JWT_SECRET: 'x'.repeat(32) }).JWT_SECRET).toBe('x'.repeat(32));
  });

  it('needs an audience when an OIDC issuer is configured', () => {
    expect(() => loadConfig({ OIDC_ISSUER: 'https://login.example.de/realms/bn' })).toThrow(/OIDC_AUDIENCE/);
    expect(() => loadConfig({ OIDC_ISSUER: 'login.example.de' })).toThrow(/OIDC_ISSUER/);
    expect(loadConfig({ OIDC_ISSUER: 'https://login.example.de/realms/bn', OIDC_AUDIENCE: 'radar' })).toMatchObject({
      OIDC_ISSUER: 'https://login.example.de/realms/bn',
      OIDC_AUDIENCE: 'radar',
    });
  });

  it('reads CORS origins as a list and refuses paths or junk', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://radar.example.de, http://localhost:5173' }).CORS_ORIGINS).toEqual([
      'https://radar.example.de',
      'http://localhost:5173',
    ]);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://radar.example.de/app' })).toThrow(/CORS_ORIGINS/);
  });

  it('checks the body limit and the rate limits', () => {
    expect(loadConfig({ BODY_LIMIT: '1mb' }).BODY_LIMIT).toBe('1mb');
    expect(() => loadConfig({ BODY_LIMIT: 'viel' })).toThrow(/BODY_LIMIT/);
    expect(() => loadConfig({ RATE_LIMIT_LOGIN_PER_MINUTE: '0' })).toThrow(/RATE_LIMIT_LOGIN_PER_MINUTE/);
    expect(() => loadConfig({ ACCESS_TOKEN_TTL: '5' })).toThrow(/ACCESS_TOKEN_TTL/);
  });

  it('reminders: off by default; on needs SMTP_URL, MAIL_FROM and PUBLIC_URL, each checked, the SMTP password never echoed', () => {
    expect(loadConfig({})).toMatchObject({ REMINDERS: 'off', REMINDER_INTERVAL: 300, REMINDER_DAYS_BEFORE: 14 });
    let message = '';
    try {
      loadConfig({ REMINDERS: 'on' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.match(/SMTP_URL|MAIL_FROM|PUBLIC_URL/g)?.sort()).toEqual(['MAIL_FROM', 'PUBLIC_URL', 'SMTP_URL']);
    const ok = { REMINDERS: 'on', SMTP_URL: 'smtp://u:pw@127.0.0.1:2525', MAIL_FROM: 'Empfehlungsradar <radar@bildungsbuero.example>', PUBLIC_URL: 'https://radar.example.de' };
    expect(loadConfig(ok)).toMatchObject(ok);
    expect(() => loadConfig({ ...ok, SMTP_URL: 'http://geheim:pw@host' })).toThrow(/SMTP_URL: .*a hidden value/);
    expect(() => loadConfig({ ...ok, MAIL_FROM: 'kein absender' })).toThrow(/MAIL_FROM/);
    expect(() => loadConfig({ ...ok, PUBLIC_URL: 'radar.example.de' })).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig({ ...ok, REMINDERS: 'ja' })).toThrow(/REMINDERS/);
    expect(() => loadConfig({ REMINDER_DAYS_BEFORE: '0' })).toThrow(/REMINDER_DAYS_BEFORE/);
  });
});

describe('loadConfig: scheduled backups', () => {
  it('takes a daily time and how many to keep, and refuses anything else', () => {
    expect(loadConfig({})).toMatchObject({ BACKUP_KEEP: 7 });
    expect(loadConfig({}).BACKUP_SCHEDULE).toBeUndefined();
    expect(loadConfig({ BACKUP_SCHEDULE: '02:30', BACKUP_KEEP: '14' })).toMatchObject({ BACKUP_SCHEDULE: '02:30', BACKUP_KEEP: 14 });
    expect(() => loadConfig({ BACKUP_SCHEDULE: '24:00' })).toThrow(/BACKUP_SCHEDULE: must be a time of day like 02:30/);
    expect(() => loadConfig({ BACKUP_SCHEDULE: 'täglich' })).toThrow(/BACKUP_SCHEDULE/);
    expect(() => loadConfig({ BACKUP_KEEP: '0' })).toThrow(/BACKUP_KEEP/);
  });
});
