import type { NextFunction, Request, Response } from 'express';

/** The public OParl address; the ids in every answer name it. */
export const OPARL_PATH = '/oparl/v1';

/** Requests to /oparl/v1/… reach the controller under the API prefix (/api/oparl/v1/…). */
export function oparlAddress(req: Request, _res: Response, next: NextFunction): void {
  if (req.url === OPARL_PATH || req.url.startsWith(`${OPARL_PATH}/`) || req.url.startsWith(`${OPARL_PATH}?`)) req.url = `/api${req.url}`;
  next();
}
