import { Body, Controller, Get, INestApplication, Logger, Module, Param, Post, Req } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { jest } from '@jest/globals';
import http from 'node:http';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { Allow, AllowCommand, AllowReaders, AuthModule, createAccount, PublicRead, seedDemoAccounts, DEMO_ACCOUNTS } from '../../apps/api/src/auth';
import { ACCOUNT_STATE_MAX_AGE_MS } from '../../apps/api/src/auth/account-states';
import { AUTH_DATA_SOURCE } from '../../apps/api/src/auth/auth.tokens';
import { LOGIN_BACKOFF } from '../../apps/api/src/auth/login-backoff';
import type { AuthenticatedRequest } from '../../apps/api/src/auth/request-context';
import { ProblemDetailsFilter } from '../../apps/api/src/http/problem.filter';
import { createValidationPipe } from '../../apps/api/src/http/validation.pipe';
import { ConfigModule } from '../../apps/api/src/infrastructure/config.module';
import { bearer, TEST_JWT_SECRET, tokenFor } from '../support/auth';

const REGION = '0a0a0a0a-0000-4000-8000-000000000001';
const OTHER_REGION = '0b0b0b0b-0000-4000-8000-000000000002';
const OWN = '0c0c0c0c-0000-4000-8000-000000000003';
const SECOND = '0c0c0c0c-0000-4000-8000-000000000004';
const FOREIGN = '0d0d0d0d-0000-4000-8000-000000000005';

/** Stand-ins for the application's endpoints, annotated the way real ones are. */
@Controller('regions/:regionId')
class FixtureController {
  @Get('figures')
  @AllowReaders()
  @PublicRead()
  figures(@Req() req: AuthenticatedRequest) {
    return { anonymous: req.principal === undefined };
  }

  @Post('conferences')
  @Allow('office')
  schedule(@Req() req: AuthenticatedRequest) {
    return { actor: req.actor };
  }

  @Post('recommendations/:id/hand-offs/:committeeId/acceptance')
  @AllowCommand('AcceptHandOff')
  accept(@Req() req: AuthenticatedRequest) {
    return { actor: req.actor };
  }

  @Post('recommendations/:id/status-reports')
  @AllowCommand('ReportImplementationStatus')
  report(@Req() req: AuthenticatedRequest, @Body() _body: unknown) {
    return { actor: req.actor };
  }

  @Get('forgotten')
  forgotten(@Param('regionId') regionId: string) {
    return { regionId };
  }
}

describe('access control (login, tokens, scopes)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let url: string;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('auth');
    const config = loadConfig({ LOG_LEVEL: 'error', JWT_SECRET: TEST_JWT_SECRET, RATE_LIMIT_LOGIN_PER_MINUTE: '30', RATE_LIMIT_WRITES_PER_MINUTE: '1000' });
    @Module({ imports: [ConfigModule.forConfig(config), AuthModule.forRoot({ databaseUrl: db.url })], controllers: [FixtureController] })
    class FixtureModule {}
    app = await NestFactory.create(FixtureModule, { logger: ['error'] });
    app.setGlobalPrefix('api');
    app.useGlobalPipes(createValidationPipe());
    app.useGlobalFilters(new ProblemDetailsFilter());
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    dataSource = app.get(AUTH_DATA_SOURCE);
    await createAccount(dataSource, { email: 'Buero@Beispiel.de', password: 'Richtiges-Passwort-1', role: 'office', regionIds: [REGION] });
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  describe('login', () => {
    it('issues a short-lived token for the right password, whatever the case of the address', async () => {
      const res = await request(url).post('/api/auth/login').send({ email: 'buero@beispiel.DE', password: 'Richtiges-Passwort-1' }).expect(200);
      expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, account: { email: 'buero@beispiel.de', role: 'office', regionIds: [REGION] } });
      expect(res.body.account.passwordHash).toBeUndefined();
      const me = await request(url).get('/api/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
      expect(me.body).toEqual({ userId: res.body.account.id, role: 'office', regionIds: [REGION], committeeIds: [], source: 'local' });
    });

    it('answers a wrong password and an unknown address alike (no enumeration), in German', async () => {
      const wrong = await request(url).post('/api/auth/login').send({ email: 'buero@beispiel.de', password: 'Falsches-Passwort-1' }).expect(401);
      const unknown = await request(url).post('/api/auth/login').send({ email: 'niemand@beispiel.de', password: 'Falsches-Passwort-1' }).expect(401);
      expect(wrong.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(wrong.body).toEqual(unknown.body);
      expect(wrong.body).toMatchObject({ code: 'auth.login-failed', detail: 'E-Mail-Adresse oder Passwort ist falsch.' });
    });

    it('logs a failed login with the user id and never the password', async () => {
      const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
      try {
        await request(url).post('/api/auth/login').send({ email: 'buero@beispiel.de', password: 'Geheimnis-im-Log-42' }).expect(401);
        await request(url).post('/api/auth/login').send({ email: 'fremd@beispiel.de', password: 'Geheimnis-im-Log-43' }).expect(401);
        const lines = warn.mock.calls.map((c) => String(c[0]));
        const account = await dataSource.query(`SELECT id FROM auth.accounts WHERE email = 'buero@beispiel.de'`);
        expect(lines.some((l) => l.includes(account[0].id) && l.includes('falsches Passwort'))).toBe(true);
        expect(lines.some((l) => l.includes('unbekannte Adresse'))).toBe(true);
        expect(lines.join('\n')).not.toMatch(/Geheimnis-im-Log|fremd@beispiel/);
      } finally {
        warn.mockRestore();
      }
    });

    it('refuses a malformed login body with 400, not 500', async () => {
      const res = await request(url).post('/api/auth/login').send({ email: 'buero@beispiel.de', password: 7, admin: true }).expect(400);
      expect(new Set(res.body.errors.map((e: { field: string }) => e.field))).toEqual(new Set(['admin', 'password']));
    });
  });

  describe('tokens', () => {
    it('needs a token: 401 without, with an expired one, a forged one or a malformed header', async () => {
      const noToken = await request(url).get('/api/auth/me').expect(401);
      expect(noToken.body).toMatchObject({ code: 'auth.required', detail: 'Bitte melden Sie sich an.' });
      const expired = await tokenFor('office', { regionIds: [REGION], ttlSeconds: -5 });
      expect((await request(url).get('/api/auth/me').set('Authorization', `Bearer ${expired}`).expect(401)).body.code).toBe('auth.token-expired');
      const genuine = await tokenFor('auditor', { regionIds: [REGION] });
      const [h, p, s] = genuine.split('.');
      const forgedPayload = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), role: 'office' })).toString('base64url');
      const forged = await request(url).post(`/api/regions/${REGION}/conferences`).set('Authorization', `Bearer ${h}.${forgedPayload}.${s}`).expect(401);
      expect(forged.body.code).toBe('auth.token-invalid');
      expect((await request(url).get('/api/auth/me').set('Authorization', genuine).expect(401)).body.code).toBe('auth.token-invalid');
    });

    it('keeps the temporary actor headers powerless', async () => {
      await request(url).post(`/api/regions/${REGION}/conferences`).set({ 'X-Actor-Id': 'x', 'X-Actor-Role': 'office' }).expect(401);
    });
  });

  describe('roles, regions and committees', () => {
    it('lets only the listed roles write, in their own regions only', async () => {
      await request(url).post(`/api/regions/${REGION}/conferences`).set(await bearer('office', { regionIds: [REGION] })).expect(201);
      for (const role of ['steering', 'committee', 'auditor'] as const) {
        const res = await request(url)
          .post(`/api/regions/${REGION}/conferences`)
          .set(await bearer(role, { regionIds: [REGION], committeeIds: role === 'committee' ? [OWN] : [] }))
          .expect(403);
        expect(res.body.code).toBe('permission.role');
      }
      const elsewhere = await request(url).post(`/api/regions/${OTHER_REGION}/conferences`).set(await bearer('office', { regionIds: [REGION] })).expect(403);
      expect(elsewhere.body).toMatchObject({ code: 'permission.region', detail: 'Ihr Konto ist für diese Bildungsregion nicht freigeschaltet.' });
    });

    it('takes the actor from the token, never from headers', async () => {
      const res = await request(url)
        .post(`/api/regions/${REGION}/conferences`)
        .set({ ...(await bearer('office', { regionIds: [REGION], userId: 'buero-7' })), 'X-Actor-Id': 'jemand-anderes', 'X-Actor-Role': 'steering' })
        .expect(201);
      expect(res.body.actor).toEqual({ userId: 'buero-7', role: 'office', committeeIds: [] });
    });

    it('lets a committee member act only for its own committees (route or body), and records the office on their behalf', async () => {
      const member = await bearer('committee', { regionIds: [REGION], committeeIds: [OWN, SECOND], userId: 'mitglied-1' });
      const accept = (committee: string, auth: Record<string, string>) => request(url).post(`/api/regions/${REGION}/recommendations/r1/hand-offs/${committee}/acceptance`).set(auth);
      expect((await accept(OWN, member).expect(201)).body.actor).toEqual({ userId: 'mitglied-1', role: 'committee', committeeIds: [OWN, SECOND] });
      await accept(SECOND, member).expect(201);
      expect((await accept(FOREIGN, member).expect(403)).body.code).toBe('permission.committee');
      const report = (committeeId: string | undefined, auth: Record<string, string>) =>
        request(url).post(`/api/regions/${REGION}/recommendations/r1/status-reports`).set(auth).send(committeeId ? { committeeId } : {});
      await report(OWN, member).expect(201);
      expect((await report(FOREIGN, member).expect(403)).body.code).toBe('permission.committee');
      // Naming no committee is a malformed request (400, as for every role), not a refusal.
      expect((await report(undefined, member).expect(400)).body.code).toBe('validation');
      const office = await bearer('office', { regionIds: [REGION], userId: 'buero-1' });
      expect((await report(FOREIGN, office).expect(201)).body.actor).toEqual({ userId: 'buero-1', role: 'office', committeeIds: [], onBehalfOf: FOREIGN });
      await report(OWN, await bearer('steering', { regionIds: [REGION] })).expect(403);
      await report(OWN, await bearer('auditor', { regionIds: [REGION] })).expect(403);
    });

    it('refuses an endpoint that declares no rule, to everyone', async () => {
      const res = await request(url).get(`/api/regions/${REGION}/forgotten`).set(await bearer('office', { regionIds: [REGION] })).expect(403);
      expect(res.body.code).toBe('permission.undeclared');
    });
  });

  describe('public views', () => {
    it('are closed until the office of the region opens them, and only for that region', async () => {
      await request(url).get(`/api/regions/${REGION}/figures`).expect(401);
      const office = await bearer('office', { regionIds: [REGION] });
      await request(url).put(`/api/regions/${REGION}/settings/public-views`).set(await bearer('steering', { regionIds: [REGION] })).send({ enabled: true }).expect(403);
      await request(url).put(`/api/regions/${OTHER_REGION}/settings/public-views`).set(office).send({ enabled: true }).expect(403);
      await request(url).put(`/api/regions/${REGION}/settings/public-views`).set(office).send({ enabled: true }).expect(200);
      expect((await request(url).get(`/api/regions/${REGION}/figures`).expect(200)).body).toEqual({ anonymous: true });
      await request(url).get(`/api/regions/${OTHER_REGION}/figures`).expect(401);
      await request(url).post(`/api/regions/${REGION}/conferences`).expect(401);
      await request(url).get(`/api/regions/${REGION}/settings/public-views`).expect(401);
      await request(url).put(`/api/regions/${REGION}/settings/public-views`).set(office).send({ enabled: false }).expect(200);
      await request(url).get(`/api/regions/${REGION}/figures`).expect(401);
    });
  });

  describe('demo accounts', () => {
    it('do not exist unless seeded; seeded, every role logs in with its README password', async () => {
      const before = await dataSource.query(`SELECT count(*)::int AS n FROM auth.accounts WHERE demo`);
      expect(before[0].n).toBe(0);
      for (const a of DEMO_ACCOUNTS) {
        await request(url).post('/api/auth/login').send({ email: a.email, password: a.password }).expect(401);
      }
      await seedDemoAccounts(dataSource, REGION, [OWN, SECOND]);
      await seedDemoAccounts(dataSource, REGION, [OWN, SECOND]); // idempotent
      const roles = [];
      for (const a of DEMO_ACCOUNTS) {
        const res = await request(url).post('/api/auth/login').send({ email: a.email, password: a.password }).expect(200);
        roles.push([res.body.account.role, res.body.account.committeeIds.length]);
      }
      expect(roles).toEqual([['office', 0], ['steering', 0], ['committee', 2], ['auditor', 0]]);
      expect((await request(url).get(`/api/regions/${REGION}/figures`).expect(200)).body).toEqual({ anonymous: true });
    });
  });

  describe('accounts of a region (office)', () => {
    it('lets the office create, list and disable accounts of its own region only', async () => {
      const office = await bearer('office', { regionIds: [REGION], userId: 'buero-konten' });
      const created = await request(url)
        .post(`/api/regions/${REGION}/accounts`)
        .set(office)
        .send({ email: 'Mitglied@Beispiel.de', role: 'committee', committeeIds: [OWN], password: 'Mitglied-Passwort-1' })
        .expect(201);
      expect(created.body).toMatchObject({ email: 'mitglied@beispiel.de', role: 'committee', regionIds: [REGION], committeeIds: [OWN], demo: false, disabledAt: null });
      expect(created.body.passwordHash).toBeUndefined();
      const login = await request(url).post('/api/auth/login').send({ email: 'mitglied@beispiel.de', password: 'Mitglied-Passwort-1' }).expect(200);
      expect(login.body.account).toMatchObject({ role: 'committee', regionIds: [REGION], committeeIds: [OWN] });

      const again = await request(url).post(`/api/regions/${REGION}/accounts`).set(office).send({ email: 'mitglied@beispiel.de', role: 'auditor', password: 'Noch-ein-Passwort' }).expect(409);
      expect(again.body.code).toBe('account.email-taken');
      const weak = await request(url).post(`/api/regions/${REGION}/accounts`).set(office).send({ email: 'neu@beispiel.de', role: 'auditor', password: 'kurz' }).expect(400);
      expect(weak.body.code).toBe('account.password-weak');
      await request(url).post(`/api/regions/${OTHER_REGION}/accounts`).set(office).send({ email: 'x@beispiel.de', role: 'office', password: 'Fremd-Passwort-1' }).expect(403);
      await request(url).post(`/api/regions/${REGION}/accounts`).set(await bearer('steering', { regionIds: [REGION] })).send({ email: 'y@beispiel.de', role: 'office', password: 'Fremd-Passwort-1' }).expect(403);

      const listed = await request(url).get(`/api/regions/${REGION}/accounts`).set(office).expect(200);
      expect(listed.body.map((a: { email: string }) => a.email)).toContain('mitglied@beispiel.de');
      expect(JSON.stringify(listed.body)).not.toMatch(/argon2/);

      const disabled = await request(url).post(`/api/regions/${REGION}/accounts/${created.body.id}/disable`).set(office).expect(200);
      expect(disabled.body.disabledAt).not.toBeNull();
      const refused = await request(url).post('/api/auth/login').send({ email: 'mitglied@beispiel.de', password: 'Mitglied-Passwort-1' }).expect(401);
      expect(refused.body.code).toBe('auth.login-failed');
    });

    it('does not let an office lock an account that also serves a region it does not', async () => {
      const shared = await createAccount(dataSource, { email: 'zwei@beispiel.de', password: 'Zwei-Regionen-1', role: 'auditor', regionIds: [REGION, OTHER_REGION] });
      const res = await request(url).post(`/api/regions/${REGION}/accounts/${shared.id}/disable`).set(await bearer('office', { regionIds: [REGION] })).expect(403);
      expect(res.body.code).toBe('permission.region');
      await request(url)
        .post(`/api/regions/${REGION}/accounts/${shared.id}/disable`)
        .set(await bearer('office', { regionIds: [REGION, OTHER_REGION] }))
        .expect(200);
    });
  });

  describe('disabled accounts', () => {
    const me = (token: string) => request(url).get('/api/auth/me').set('Authorization', `Bearer ${token}`);
    const tokenOf = async (email: string, password: string) =>
      (await request(url).post('/api/auth/login').send({ email, password }).expect(200)).body.accessToken as string;

    it('lose access at once when the office disables them here', async () => {
      const account = await createAccount(dataSource, { email: 'sofort@beispiel.de', password: 'Sofort-Passwort-1', role: 'auditor', regionIds: [REGION] });
      const token = await tokenOf('sofort@beispiel.de', 'Sofort-Passwort-1');
      await me(token).expect(200);
      await request(url).post(`/api/regions/${REGION}/accounts/${account.id}/disable`).set(await bearer('office', { regionIds: [REGION] })).expect(200);
      const refused = await me(token).expect(401);
      expect(refused.body).toMatchObject({ status: 401, code: 'auth.account-disabled' });
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it(`lose access within ${ACCOUNT_STATE_MAX_AGE_MS} ms when disabled elsewhere (another API process, the database)`, async () => {
      const account = await createAccount(dataSource, { email: 'anderswo@beispiel.de', password: 'Anderswo-Passwort-1', role: 'auditor', regionIds: [REGION] });
      const token = await tokenOf('anderswo@beispiel.de', 'Anderswo-Passwort-1');
      await me(token).expect(200); // this process now remembers the account as active
      await dataSource.query(`UPDATE auth.accounts SET disabled_at = now() WHERE id = $1`, [account.id]);
      const disabledAt = Date.now();
      // Poll until refused: a request that starts once the remembered state is older than the window must be refused.
      const answers: { startedAt: number; status: number; code?: string }[] = [];
      const deadline = disabledAt + ACCOUNT_STATE_MAX_AGE_MS + 20_000;
      while (answers.at(-1)?.status !== 401 && Date.now() < deadline) {
        const startedAt = Date.now();
        const res = await me(token);
        answers.push({ startedAt, status: res.status, code: res.body.code });
        if (res.status !== 401) await new Promise((r) => setTimeout(r, 50));
      }
      expect(answers.at(-1)).toMatchObject({ status: 401, code: 'auth.account-disabled' });
      expect(answers.filter((a) => a.startedAt >= disabledAt + ACCOUNT_STATE_MAX_AGE_MS && a.status !== 401)).toEqual([]);
      expect(answers.every((a) => a.status === 200 || a.status === 401)).toBe(true);
    });
  });

  describe('Cache-Control', () => {
    it('is no-store on every answer to a logged-in request and on the login answer itself', async () => {
      const login = await request(url).post('/api/auth/login').send({ email: 'buero@beispiel.de', password: 'Richtiges-Passwort-1' }).expect(200);
      expect(login.headers['cache-control']).toBe('no-store');
      const auth = { Authorization: `Bearer ${login.body.accessToken}` };
      const ok = await request(url).get('/api/auth/me').set(auth).expect(200);
      expect(ok.headers['content-type']).toMatch(/^application\/json/);
      expect(ok.headers['cache-control']).toBe('no-store');
      const figures = await request(url).get(`/api/regions/${REGION}/figures`).set(auth).expect(200);
      expect(figures.headers['cache-control']).toBe('no-store');
      const denied = await request(url).get(`/api/regions/${OTHER_REGION}/figures`).set(auth).expect(403);
      expect(denied.headers['cache-control']).toBe('no-store');
    });
  });

  describe('login limits', () => {
    /** A login from another loopback address: the server sees it as another client. */
    const loginFrom = (localAddress: string, email: string, password: string) =>
      new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: { code?: string; detail?: string } }>((resolve, reject) => {
        const target = new URL('/api/auth/login', url);
        const payload = JSON.stringify({ email, password });
        const req = http.request(
          { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', localAddress, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => (text += chunk));
            res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: JSON.parse(text) }));
          },
        );
        req.on('error', reject);
        req.end(payload);
      });

    it('holds back an address that keeps failing on one account, but not the real user at another address', async () => {
      await createAccount(dataSource, { email: 'opfer@beispiel.de', password: 'Opfer-Passwort-1', role: 'auditor', regionIds: [REGION] });
      const attacker = '127.0.0.2';
      const statuses: number[] = [];
      for (let i = 0; i <= LOGIN_BACKOFF.freeFailures; i++) statuses.push((await loginFrom(attacker, 'opfer@beispiel.de', `Geraten-${i}-xxxx`)).status);
      expect(statuses).toEqual(Array(LOGIN_BACKOFF.freeFailures + 1).fill(401));
      const held = await loginFrom(attacker, 'opfer@beispiel.de', 'Geraten-weiter-1');
      expect(held.status).toBe(429);
      expect(held.body).toMatchObject({ code: 'rate-limit.login-backoff' });
      expect(held.body.detail).toMatch(/Zu viele fehlgeschlagene Anmeldeversuche/);
      const retryAfter = Number(held.headers['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(LOGIN_BACKOFF.firstWaitSeconds);
      // Even the right password waits at the attacker's address…
      expect((await loginFrom(attacker, 'opfer@beispiel.de', 'Opfer-Passwort-1')).status).toBe(429);
      // …while the real user, at another address, logs in as ever; so does the attacker's address for another account.
      expect((await loginFrom('127.0.0.1', 'opfer@beispiel.de', 'Opfer-Passwort-1')).status).toBe(200);
      expect((await loginFrom(attacker, 'buero@beispiel.de', 'Richtiges-Passwort-1')).status).toBe(200);
    });

    it('stops an address after RATE_LIMIT_LOGIN_PER_MINUTE attempts, whatever the accounts, with 429 in German', async () => {
      const sprayer = '127.0.0.3';
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) statuses.push((await loginFrom(sprayer, `niemand-${i}@beispiel.de`, 'Irgendein-Passwort')).status);
      expect(statuses).toEqual(Array(30).fill(401));
      const stopped = await loginFrom(sprayer, 'buero@beispiel.de', 'Richtiges-Passwort-1');
      expect(stopped.status).toBe(429);
      expect(stopped.body).toMatchObject({ code: 'rate-limit.login' });
      expect(stopped.body.detail).toMatch(/Zu viele Anfragen/);
      expect(Number(stopped.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect((await loginFrom('127.0.0.4', 'buero@beispiel.de', 'Richtiges-Passwort-1')).status).toBe(200);
    });
  });
});
