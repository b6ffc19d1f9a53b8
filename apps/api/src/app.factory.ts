import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule, AppOptions } from './app.module';
import { applyHardening } from './auth/hardening';
import { commandErrorMapper } from './command-pipeline/command-errors';
import { ProblemDetailsFilter } from './http/problem.filter';
import { createValidationPipe } from './http/validation.pipe';
import { AppLogger } from './observability/app-logger';
import { AppMetrics } from './observability/metrics';
import { oparlAddress } from './oparl/oparl-address';
import { webInterface } from './web/web-interface.middleware';

/** Builds the HTTP application exactly as production runs it; e2e tests call this too. */
export async function createApp(options: AppOptions): Promise<INestApplication> {
  // Nest's own lines wait for the pino logger, which exists once the module is built.
  const app = await NestFactory.create(AppModule.forRoot(options), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(AppLogger));
  app.use(app.get(AppMetrics).middleware);
  applyHardening(app, options.config);
  // JSON answers compressed on the fly; the web interface's files come precompressed (skipped here).
  (app as NestExpressApplication).use(compression());
  serveWebInterface(app);
  // OParl's address is /oparl/v1, beside the API; it is served by the API's own routes and guards.
  (app as NestExpressApplication).use(oparlAddress);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter([commandErrorMapper]));
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Empfehlungsradar')
      .setDescription('Empfehlungen der Bildungskonferenz: Übergaben, Umsetzung, Wirkung und Nachhaltigkeit')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}

/**
 * The German web interface (apps/web/public, static files) at `/`, read once at start-up
 * (web/web-interface.middleware.ts). Paths the folder does not hold fall through to Nest, so
 * /api/* keeps its problem+json 404. The folder is found from the working directory or the
 * started script (dist/apps/api/src/main.js), whichever lies inside the repository.
 */
function serveWebInterface(app: INestApplication): void {
  const root = webRoot();
  if (root) (app as NestExpressApplication).use(webInterface(root));
}

function webRoot(): string | undefined {
  for (const start of [process.cwd(), process.argv[1] ? dirname(process.argv[1]) : undefined]) {
    for (let dir = start && resolve(start); dir; dir = dirname(dir) === dir ? undefined : dirname(dir)) {
      const candidate = join(dir, 'apps', 'web', 'public');
      if (existsSync(join(candidate, 'index.html'))) return candidate;
    }
  }
  return undefined;
}
