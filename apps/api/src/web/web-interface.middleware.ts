import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { indexPage } from './index-page';
import { loadWebAssets, type WebAsset } from './web-assets';

/** Hashed URLs never change content: a year, and no revalidation. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The page and plain URLs: always asked again (a 304 when unchanged), so a new version shows at once. */
export const REVALIDATE = 'no-cache';

type Encoding = 'br' | 'gzip' | 'identity';

/** The client's best offer among ours; a coding with q=0 is refused. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
  const offered = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    offered.set(name, q ? Number(q[1]) : 1);
  }
  const accepts = (name: string) => (offered.get(name) ?? offered.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return 'identity';
}

/** helmet's policy with the import map's hash added to script-src. */
export function withScriptSource(policy: string | undefined, source: string): string {
  if (!policy) return `script-src 'self' ${source}`;
  const directives = policy.split(';').map((d) => d.trim()).filter(Boolean);
  const at = directives.findIndex((d) => d.startsWith('script-src '));
  if (at < 0) directives.push(`script-src 'self' ${source}`);
  else directives[at] = `${directives[at]} ${source}`;
  return directives.join(';');
}

function send(req: Request, res: Response, asset: WebAsset, cacheControl: string): void {
  res.setHeader('Content-Type', asset.contentType);
  res.setHeader('Cache-Control', cacheControl);
  res.setHeader('ETag', asset.etag);
  res.setHeader('Vary', 'Accept-Encoding');
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  const encoding = asset.br === asset.body ? 'identity' : chooseEncoding(req.headers['accept-encoding']);
  const body = encoding === 'br' ? asset.br : encoding === 'gzip' ? asset.gzip : asset.body;
  if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
  res.setHeader('Content-Length', String(body.length));
  res.status(200).end(req.method === 'HEAD' ? undefined : body);
}

/**
 * The web interface from memory: precompressed (brotli, gzip), every file also under a
 * content-hashed name cached for good, index.html with an import map to those names. Anything
 * else (the API) falls through.
 */
export function webInterface(root: string): RequestHandler {
  const assets = loadWebAssets(root);
  const index = indexPage(readFileSync(join(root, 'index.html'), 'utf8'), assets);
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path === '/' || req.path === '/index.html') {
      res.setHeader('Content-Security-Policy', withScriptSource(res.getHeader('Content-Security-Policy') as string | undefined, index.importMapSource));
      return send(req, res, index.asset, REVALIDATE);
    }
    const hashed = assets.byHashedUrl.get(req.path);
    if (hashed) return send(req, res, hashed, IMMUTABLE);
    const plain = assets.byUrl.get(req.path);
    if (plain) return send(req, res, plain, REVALIDATE);
    return next();
  };
}
