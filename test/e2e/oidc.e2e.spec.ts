import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';

type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

/** The API accepting an external provider's tokens, with the provider's discovery and JWKS served here. */
describe('OpenID Connect provider', () => {
  let provider: Server;
  let issuer: string;
  let key: PrivateKey;
  let t: TestApp;
  const regionId = randomUUID();

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    key = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'idp-1', alg: 'ES256', use: 'sig' };
    provider = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/.well-known/openid-configuration') res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks` }));
      else if (req.url === '/jwks') res.end(JSON.stringify({ keys: [jwk] }));
      else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
    await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
    t = await startTestApp({ OIDC_ISSUER: issuer, OIDC_AUDIENCE: 'empfehlungsradar' });
  });
  afterAll(async () => {
    await t?.close();
    await new Promise<void>((resolve) => provider.close(() => resolve()));
  });

  const idpToken = (sub: string, claims: Record<string, unknown>, signWith: PrivateKey = key) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'idp-1' }).setIssuer(issuer).setAudience('empfehlungsradar').setSubject(sub).setIssuedAt().setExpirationTime('5m').sign(signWith);

  it('accepts the provider token end to end and records its subject as the actor', async () => {
    const office = await idpToken('idp|buero-42', { role: 'office', regions: [regionId] });
    const res = await request(t.url)
      .post('/api/regions')
      .set('Authorization', `Bearer ${office}`)
      .send({ regionId, name: 'Bildungsnetzwerk über OIDC', contractSignedOn: '2010-01-01' })
      .expect(201);
    expect(res.body.events[0].metadata.actor).toEqual({ userId: 'idp|buero-42', role: 'office', committeeIds: [] });
    const me = await request(t.url).get('/api/auth/me').set('Authorization', `Bearer ${office}`).expect(200);
    expect(me.body).toMatchObject({ userId: 'idp|buero-42', source: 'oidc', regionIds: [regionId] });
  });

  it('applies roles and region scopes to provider tokens like to local ones', async () => {
    const auditor = await idpToken('idp|pruefer', { role: 'auditor', regions: [regionId] });
    await request(t.url).get(`/api/regions/${regionId}`).set('Authorization', `Bearer ${auditor}`).expect(200);
    const write = await request(t.url).post(`/api/regions/${regionId}/conferences`).set('Authorization', `Bearer ${auditor}`).send({}).expect(403);
    expect(write.body.code).toBe('permission.role');
    const elsewhere = await idpToken('idp|fremd', { role: 'auditor', regions: [randomUUID()] });
    await request(t.url).get(`/api/regions/${regionId}`).set('Authorization', `Bearer ${elsewhere}`).expect(403);
  });

  it('refuses a token signed by another key or without role', async () => {
    const stranger = (await generateKeyPair('ES256')).privateKey;
    const forged = await idpToken('idp|buero-42', { role: 'office', regions: [regionId] }, stranger);
    expect((await request(t.url).get(`/api/regions/${regionId}`).set('Authorization', `Bearer ${forged}`).expect(401)).body.code).toBe('auth.token-invalid');
    const roleless = await idpToken('idp|niemand', { regions: [regionId] });
    expect((await request(t.url).get(`/api/regions/${regionId}`).set('Authorization', `Bearer ${roleless}`).expect(401)).body.code).toBe('auth.token-claims');
  });
});
