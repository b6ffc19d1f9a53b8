import { createHash } from 'node:crypto';
import { get, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startTestApp, type TestApp } from '../support/test-app';

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A plain request that leaves the body as sent (no client-side decompression). */
function raw(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = get(url, { headers, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

const BR = { 'Accept-Encoding': 'gzip, deflate, br, zstd' };

/** The web interface's files: precompressed, content-hashed URLs cached for good, HTML always revalidated. */
describe('static assets of the web interface', () => {
  let t: TestApp;
  let index: Raw;
  let html: string;
  let imports: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    index = await raw(`${t.url}/`, BR);
    html = brotliDecompressSync(index.body).toString('utf8');
    imports = JSON.parse(/<script type="importmap">(.*?)<\/script>/.exec(html)![1]).imports;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('serves index.html brotli-compressed, never cached without asking, its import map allowed by hash alone', () => {
    expect(index.status).toBe(200);
    expect(index.headers['content-encoding']).toBe('br');
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.headers.vary).toBe('Accept-Encoding');
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    const map = /<script type="importmap">(.*?)<\/script>/.exec(html)![1];
    const source = `'sha256-${createHash('sha256').update(map).digest('base64')}'`;
    const scriptSrc = String(index.headers['content-security-policy']).split(';').find((d) => d.startsWith('script-src '));
    expect(scriptSrc).toBe(`script-src 'self' ${source}`);
    // Every module of the interface is in the map, under a hashed name in its own directory.
    expect(imports['/js/app.js']).toMatch(/^\/js\/app\.[0-9a-f]{10}\.js$/);
    expect(imports['/js/pages/login.js']).toMatch(/^\/js\/pages\/login\.[0-9a-f]{10}\.js$/);
    expect(html).toContain(`<script type="module" src="${imports['/js/app.js']}"></script>`);
    expect(html).toMatch(/<link rel="stylesheet" href="\/css\/app\.[0-9a-f]{10}\.css">/);
  });

  it('serves a hashed URL for a year, immutable, in the encoding the client accepts', async () => {
    const url = `${t.url}${imports['/js/app.js']}`;
    const [br, gzip, plain] = await Promise.all([raw(url, BR), raw(url, { 'Accept-Encoding': 'gzip' }), raw(url)]);
    for (const r of [br, gzip, plain]) {
      expect(r.status).toBe(200);
      expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(r.headers['content-type']).toBe('text/javascript; charset=utf-8');
    }
    expect(br.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);
    expect(plain.body.toString()).toContain("from './api.js'");
    expect(br.body.length).toBeLessThan(plain.body.length / 2);
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
  });

  it('answers 304 to a revalidation with the same ETag, and HEAD without a body', async () => {
    const first = await raw(`${t.url}/css/app.css`, BR);
    expect(first.headers['cache-control']).toBe('no-cache');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[0-9a-f]{10}"$/);
    const again = await raw(`${t.url}/css/app.css`, { ...BR, 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const head = await raw(`${t.url}${imports['/js/api.js']}`, BR, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
  });

  it('a hashed name that does not exist (an old version) is a 404, never a stale file under that name', async () => {
    const missing = await raw(`${t.url}/js/app.0000000000.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers['cache-control'] ?? '').not.toContain('immutable');
    expect(missing.body.toString()).not.toContain('import');
  });

  it('compresses the API’s JSON answers on the fly', async () => {
    const docs = await raw(`${t.url}/api/docs-json`, { 'Accept-Encoding': 'gzip' });
    expect(docs.status).toBe(200);
    expect(docs.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(docs.body).toString()).info.title).toBe('Empfehlungsradar');
  });
});
