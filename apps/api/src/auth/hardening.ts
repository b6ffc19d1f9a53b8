import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import type { AppConfig } from '@app/config';
import { useJsonBodies } from '../http/body/json-bodies';

/**
 * Security headers (helmet's defaults: CSP, HSTS, nosniff, frame denial …), CORS only for the
 * configured origins, and a body size limit. Must run before the app initialises, so these
 * middlewares precede Nest's own body parsers and routes.
 */
export function applyHardening(app: INestApplication, config: AppConfig): void {
  const express = app as NestExpressApplication;
  express.use(helmet());
  express.disable('x-powered-by');
  if (config.CORS_ORIGINS.length > 0) {
    app.enableCors({
      origin: [...config.CORS_ORIGINS],
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['Authorization', 'Content-Type', 'If-Match', 'If-None-Match', 'Idempotency-Key', 'X-Correlation-Id'],
      exposedHeaders: ['ETag', 'Location', 'Retry-After'],
      credentials: false,
      maxAge: 600,
    });
  }
  // Registered before init, so Nest does not add its default (100kb) parsers on top.
  useJsonBodies(express, config.BODY_LIMIT);
}
