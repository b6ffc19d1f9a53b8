import { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule, AppOptions } from './app.module';
import { applyHardening } from './auth/hardening';
import { commandErrorMapper } from './command-pipeline/command-errors';
import { ProblemDetailsFilter } from './http/problem.filter';
import { createValidationPipe } from './http/validation.pipe';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

/** Builds the HTTP application exactly as production runs it; e2e tests call this too. */
export async function createApp(options: AppOptions): Promise<INestApplication> {
  const logger = LEVELS.slice(0, LEVELS.indexOf(options.config.LOG_LEVEL) + 1);
  const app = await NestFactory.create(AppModule.forRoot(options), { logger, bodyParser: true });
  applyHardening(app, options.config);
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
