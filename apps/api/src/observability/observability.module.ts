import { DynamicModule, Global, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { AppConfig } from '@app/config';
import { ProjectionsModule } from '../projections/projections.module';
import { AppLogger } from './app-logger';
import { httpLogOptions } from './logging';
import { AppMetrics } from './metrics';
import { MetricsController } from './metrics.controller';

/**
 * JSON logs through pino (nestjs-pino: a line per request, request context in every line) and the
 * logger Nest itself logs through; Prometheus metrics (prom-client, GET /api/metrics) for every module.
 */
@Global()
@Module({})
export class ObservabilityModule {
  static forRoot(config: Pick<AppConfig, 'LOG_LEVEL'>, logDestination?: DestinationStream): DynamicModule {
    return {
      module: ObservabilityModule,
      imports: [LoggerModule.forRoot({ pinoHttp: httpLogOptions(config, logDestination) }), ProjectionsModule],
      controllers: [MetricsController],
      providers: [AppMetrics, AppLogger],
      exports: [AppMetrics, AppLogger],
    };
  }
}
