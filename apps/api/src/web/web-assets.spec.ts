import { createHash } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { indexPage } from './index-page';
import { assetOf, hashedName, type WebAssets } from './web-assets';
import { chooseEncoding, withScriptSource } from './web-interface.middleware';

const catalog = (files: Record<string, string>): WebAssets => {
  const assets = Object.entries(files).map(([url, text]) => assetOf(url, Buffer.from(text)));
  return { byUrl: new Map(assets.map((a) => [a.url, a])), byHashedUrl: new Map(assets.map((a) => [a.hashedUrl, a])) };
};

describe('web assets', () => {
  it('names a file by the first ten hex digits of its SHA-256, in its own directory', () => {
    const asset = assetOf('/js/pages/overview.js', Buffer.from('export const x = 1;\n'));
    const hash = createHash('sha256').update('export const x = 1;\n').digest('hex').slice(0, 10);
    expect(asset.hashedUrl).toBe(`/js/pages/overview.${hash}.js`);
    expect(asset.etag).toBe(`"${hash}"`);
    expect(hashedName('/css/app.css', 'abc')).toBe('/css/app.abc.css');
    expect(asset.contentType).toBe('text/javascript; charset=utf-8');
  });

  it('keeps brotli and gzip forms that decompress to the same bytes', () => {
    const text = 'const wort = "Übergabe";\n'.repeat(200);
    const asset = assetOf('/js/a.js', Buffer.from(text));
    expect(brotliDecompressSync(asset.br).toString()).toBe(text);
    expect(gunzipSync(asset.gzip).toString()).toBe(text);
    expect(asset.br.length).toBeLessThan(asset.body.length / 10);
  });

  it('does not compress images', () => {
    const png = assetOf('/bild.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    expect(png.br).toBe(png.body);
    expect(png.gzip).toBe(png.body);
  });
});

describe('index page', () => {
  const html =
    '<!doctype html>\n<head>\n  <link rel="stylesheet" href="/css/app.css">\n  <link rel="icon" href="data:,">\n  <script type="module" src="/js/app.js"></script>\n</head><a href="#/uebersicht">x</a>';
  const assets = catalog({ '/css/app.css': 'body{}', '/js/app.js': 'import "./api.js";', '/js/api.js': 'export {};', '/index.html': html });
  const page = indexPage(html, assets);
  const served = page.asset.body.toString();

  it('links the stylesheet and the entry module by their hashed names, and leaves other links alone', () => {
    expect(served).toContain(`href="${assets.byUrl.get('/css/app.css')!.hashedUrl}"`);
    expect(served).toContain(`<script type="module" src="${assets.byUrl.get('/js/app.js')!.hashedUrl}"></script>`);
    expect(served).toContain('href="data:,"');
    expect(served).toContain('href="#/uebersicht"');
  });

  it('puts an import map of every module before the first module script, and names its hash for the CSP', () => {
    const match = /<script type="importmap">(.*?)<\/script>/.exec(served)!;
    expect(match.index).toBeLessThan(served.indexOf('<script type="module"'));
    expect(JSON.parse(match[1])).toEqual({
      imports: { '/js/api.js': assets.byUrl.get('/js/api.js')!.hashedUrl, '/js/app.js': assets.byUrl.get('/js/app.js')!.hashedUrl },
    });
    expect(page.importMapSource).toBe(`'sha256-${createHash('sha256').update(match[1]).digest('base64')}'`);
  });

  it('refuses a page without a module script (the map would have no place)', () => {
    expect(() => indexPage('<html></html>', assets)).toThrow('index.html lädt kein Modul');
  });
});

describe('content negotiation and policy', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, deflate', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0, gzip;q=0', 'identity'],
    ['*', 'br'],
    ['identity', 'identity'],
    [undefined, 'identity'],
    ['', 'identity'],
  ])('Accept-Encoding %p → %s', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });

  it('adds the import map hash to script-src and keeps every other directive', () => {
    expect(withScriptSource("default-src 'self';script-src 'self';object-src 'none'", "'sha256-x'")).toBe(
      "default-src 'self';script-src 'self' 'sha256-x';object-src 'none'",
    );
    expect(withScriptSource("default-src 'self'", "'sha256-x'")).toBe("default-src 'self';script-src 'self' 'sha256-x'");
    expect(withScriptSource(undefined, "'sha256-x'")).toBe("script-src 'self' 'sha256-x'");
  });
});
