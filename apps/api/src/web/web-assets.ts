import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** One file of the web interface, held in memory with its compressed forms. */
export interface WebAsset {
  /** The plain URL ("/js/pages/overview.js"): what the files name each other by. */
  url: string;
  /** The URL with the content hash in the name ("/js/pages/overview.3f2a1b9c0d.js"): cached for good. */
  hashedUrl: string;
  contentType: string;
  /** Strong validator: the content hash. */
  etag: string;
  body: Buffer;
  gzip: Buffer;
  br: Buffer;
}

export interface WebAssets {
  byUrl: ReadonlyMap<string, WebAsset>;
  byHashedUrl: ReadonlyMap<string, WebAsset>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.txt']);

/** "/js/app.js" + "3f2a1b9c0d" → "/js/app.3f2a1b9c0d.js": the directory stays, so relative imports still resolve beside it. */
export function hashedName(url: string, hash: string): string {
  const ext = extname(url);
  return `${url.slice(0, url.length - ext.length)}.${hash}${ext}`;
}

export function assetOf(url: string, body: Buffer): WebAsset {
  const ext = extname(url);
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
  const compressible = COMPRESSIBLE.has(ext);
  return {
    url,
    hashedUrl: hashedName(url, hash),
    contentType: TYPES[ext] ?? 'application/octet-stream',
    etag: `"${hash}"`,
    body,
    // Compressed once at start-up, at the strongest settings: the files are few and small.
    gzip: compressible ? gzipSync(body, { level: 9 }) : body,
    br: compressible
      ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
      : body,
  };
}

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

/** Reads the whole folder once; the interface is a few dozen small files. */
export function loadWebAssets(root: string): WebAssets {
  const byUrl = new Map<string, WebAsset>();
  const byHashedUrl = new Map<string, WebAsset>();
  for (const file of filesUnder(root)) {
    const url = `/${relative(root, file).split(sep).join('/')}`;
    const asset = assetOf(url, readFileSync(file));
    byUrl.set(url, asset);
    byHashedUrl.set(asset.hashedUrl, asset);
  }
  return { byUrl, byHashedUrl };
}
