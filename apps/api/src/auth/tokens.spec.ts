import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { issueAccessToken, keyFromSecret, LOCAL_AUDIENCE, LOCAL_ISSUER, verifyLocalToken } from './local-tokens';
import { OidcVerifier } from './oidc-tokens';
import { TokenVerifier } from './token-verifier';

const REGION = '11111111-1111-4111-8111-111111111111';
const COMMITTEE = '33333333-3333-4333-8333-333333333333';
const key = keyFromSecret('a'.repeat(48), 900);
const now = new Date('2026-11-23T10:00:00Z');
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);

type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

const reason = (p: Promise<unknown>) => p.then(() => 'accepted', (e: { code?: string }) => e.code ?? String(e));

describe('local access tokens', () => {
  it('round-trips role, regions and committees', async () => {
    const { token, expiresAt } = await issueAccessToken(key, { userId: 'u1', role: 'committee', regionIds: [REGION], committeeIds: [COMMITTEE] }, now);
    expect(expiresAt).toEqual(later(900));
    expect(await verifyLocalToken(key, token, later(60))).toEqual({
      userId: 'u1',
      role: 'committee',
      regionIds: [REGION],
      committeeIds: [COMMITTEE],
      source: 'local',
    });
  });

  it('refuses an expired token', async () => {
    const { token } = await issueAccessToken(key, { userId: 'u1', role: 'office', regionIds: [REGION], committeeIds: [] }, now);
    expect(await reason(verifyLocalToken(key, token, later(901)))).toBe('auth.token-expired');
  });

  it('refuses a token signed with another secret', async () => {
    const { token } = await issueAccessToken(keyFromSecret('b'.repeat(48), 900), { userId: 'u1', role: 'office', regionIds: [REGION], committeeIds: [] }, now);
    expect(await reason(verifyLocalToken(key, token, now))).toBe('auth.token-invalid');
  });

  it('refuses a payload changed after signing (auditor promoted to office)', async () => {
    const { token } = await issueAccessToken(key, { userId: 'u1', role: 'auditor', regionIds: [REGION], committeeIds: [] }, now);
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = [header, Buffer.from(JSON.stringify({ ...claims, role: 'office' })).toString('base64url'), signature].join('.');
    expect(await reason(verifyLocalToken(key, forged, now))).toBe('auth.token-invalid');
  });

  it('refuses an unsigned token (alg none)', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({ iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, sub: 'u1', role: 'office', regions: [REGION], exp: Math.floor(later(600).getTime() / 1000) }),
    ).toString('base64url');
    expect(await reason(verifyLocalToken(key, `${header}.${payload}.`, now))).toBe('auth.token-invalid');
  });

  it('refuses a correctly signed token without a valid role or region', async () => {
    const sign = (claims: object) =>
      new SignJWT({ ...claims }).setProtectedHeader({ alg: 'HS256' }).setIssuer(LOCAL_ISSUER).setAudience(LOCAL_AUDIENCE).setSubject('u1').setExpirationTime(later(600)).sign(key.secret);
    expect(await reason(verifyLocalToken(key, await sign({ role: 'admin', regions: [REGION] }), now))).toBe('auth.token-claims');
    expect(await reason(verifyLocalToken(key, await sign({ role: 'office', regions: [] }), now))).toBe('auth.token-claims');
    expect(await reason(verifyLocalToken(key, await sign({ role: 'office', regions: [REGION] }), now))).toBe('accepted');
  });
});

describe('OIDC tokens against a JWKS served by this test', () => {
  let server: Server;
  let issuer: string;
  let privateKey: PrivateKey;
  let strangerKey: PrivateKey;
  let requests: string[];

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    strangerKey = (await generateKeyPair('RS256')).privateKey;
    const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    requests = [];
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      if (req.url === '/realms/bn/.well-known/openid-configuration') {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/protocol/openid-connect/certs` }));
      } else if (req.url === '/realms/bn/protocol/openid-connect/certs') {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ keys: [jwk] }));
      } else {
        res.statusCode = 404;
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/bn`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const providerToken = (claims: Record<string, unknown>, o: { key?: PrivateKey; aud?: string; iss?: string; exp?: Date; kid?: string } = {}) =>
    new SignJWT({ role: 'steering', regions: [REGION], ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: o.kid ?? 'k1' })
      .setIssuer(o.iss ?? issuer)
      .setAudience(o.aud ?? 'empfehlungsradar')
      .setSubject('oidc-user-7')
      .setIssuedAt(now)
      .setExpirationTime(o.exp ?? later(300))
      .sign(o.key ?? privateKey);

  const verifier = (jwksUrl?: string) =>
    new TokenVerifier(key, new OidcVerifier({ issuer, audience: 'empfehlungsradar', ...(jwksUrl ? { jwksUrl } : {}) }), () => now);

  it('accepts a provider token, finding the JWKS through discovery', async () => {
    requests.length = 0;
    const principal = await verifier().verify(await providerToken({ committees: [] }));
    expect(principal).toEqual({ userId: 'oidc-user-7', role: 'steering', regionIds: [REGION], committeeIds: [], source: 'oidc' });
    expect(requests).toEqual(['/realms/bn/.well-known/openid-configuration', '/realms/bn/protocol/openid-connect/certs']);
  });

  it('uses OIDC_JWKS_URL directly when given', async () => {
    requests.length = 0;
    await verifier(`${issuer}/protocol/openid-connect/certs`).verify(await providerToken({}));
    expect(requests).toEqual(['/realms/bn/protocol/openid-connect/certs']);
  });

  it('still accepts local tokens beside the provider', async () => {
    const { token } = await issueAccessToken(key, { userId: 'u1', role: 'office', regionIds: [REGION], committeeIds: [] }, now);
    expect((await verifier().verify(token)).source).toBe('local');
  });

  it.each([
    ['signed by a key not in the JWKS, same kid', async () => providerToken({}, { key: strangerKey })],
    ['for another audience', async () => providerToken({}, { aud: 'andere-anwendung' })],
    ['from an issuer that is not configured', async () => providerToken({}, { iss: 'http://127.0.0.1:1/realms/fremd' })],
    ['expired', async () => providerToken({}, { exp: later(-10) })],
    [
      'HS256 with the provider as issuer (algorithm confusion)',
      async () => new SignJWT({ role: 'office', regions: [REGION] }).setProtectedHeader({ alg: 'HS256' }).setIssuer(issuer).setAudience('empfehlungsradar').setSubject('x').setExpirationTime(later(300)).sign(new TextEncoder().encode('a'.repeat(48))),
    ],
    ['without a role', async () => providerToken({ role: undefined })],
  ])('refuses a provider token %s', async (_, make) => {
    const outcome = await reason(verifier().verify(await make()));
    expect(outcome).toMatch(/^auth\.token-(invalid|expired|claims)$/);
  });

  it('names expiry and missing claims precisely', async () => {
    expect(await reason(verifier().verify(await providerToken({}, { exp: later(-10) })))).toBe('auth.token-expired');
    expect(await reason(verifier().verify(await providerToken({ role: undefined })))).toBe('auth.token-claims');
  });

  it('refuses provider tokens when no provider is configured', async () => {
    expect(await reason(new TokenVerifier(key, undefined, () => now).verify(await providerToken({})))).toBe('auth.token-invalid');
  });

  it('answers a token it verified before from memory, and refuses it once it has expired', async () => {
    let clock = now;
    const cached = new TokenVerifier(key, undefined, () => clock);
    const { token, expiresAt } = await issueAccessToken(key, { userId: 'u2', role: 'office', regionIds: [REGION], committeeIds: [] }, now);
    const first = await cached.verify(token);
    expect(await cached.verify(token)).toBe(first);
    // One character of the signature changed is another token: verified, and refused.
    const forged = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(await reason(cached.verify(forged))).toBe('auth.token-invalid');
    clock = new Date(expiresAt.getTime() + 1000);
    expect(await reason(cached.verify(token))).toBe('auth.token-expired');
  });

  it('refuses garbage', async () => {
    expect(await reason(verifier().verify('kein.jwt'))).toBe('auth.token-invalid');
    expect(await reason(verifier().verify(''))).toBe('auth.token-invalid');
  });
});
