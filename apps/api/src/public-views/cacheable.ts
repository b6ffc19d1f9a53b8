import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';

/** Published views change when someone records something; a minute is fresh enough, an ETag makes the rest cheap. */
export const PUBLIC_CACHE = 'public, max-age=60';

/** Sends JSON any cache may keep (no login, the same for everyone), with a strong ETag and 304 on a match. */
export function sendCacheable(req: Request, res: Response, body: unknown): void {
  const json = JSON.stringify(body);
  res.setHeader('Cache-Control', PUBLIC_CACHE);
  res.setHeader('ETag', `"${createHash('sha256').update(json).digest('base64url').slice(0, 22)}"`);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  res.status(200).send(json);
}
