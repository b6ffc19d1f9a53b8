import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '@app/config';
import { AuthModule } from './auth/auth.module';
import { BackupModule } from './backup/backup.module';
import { HealthModule } from './health/health.module';
import { VocabularyModule } from './vocabulary/vocabulary.module';
import { ConfigModule } from './infrastructure/config.module';
import { DatabaseModule } from './infrastructure/database.module';
import { EventStoreModule } from './infrastructure/event-store.module';
import { typeOrmOptions } from './infrastructure/typeorm';
import { CommitteesModule } from './committees/committees.module';
import { ConferencesModule } from './conferences/conferences.module';
import { RecommendationsModule } from './recommendations/recommendations.module';
import { RegionsModule } from './regions/regions.module';
import { AuditModule } from './audit/audit.module';
import { QueriesModule } from './queries/queries.module';
import { ProjectionsModule } from './projections/projections.module';
import { PublicViewsModule } from './public-views/public-views.module';
import { ImportModule } from './import/import.module';
import { ObservabilityModule } from './observability/observability.module';
import type { DestinationStream } from 'pino';
import { OParlModule } from './oparl/oparl.module';
import { systemClock, type Clock } from './command-pipeline/clock';
import { ClockModule } from './command-pipeline/clock.module';
import { RemindersModule } from './reminders/reminders.module';

export interface AppOptions {
  config: AppConfig;
  /** Resolved before Nest starts: DATABASE_URL or the embedded server's. */
  databaseUrl: string;
  /** The owner role's URL, for what the runtime role may not do (scheduled backups); default databaseUrl. */
  ownerUrl?: string;
  /** Where the JSON log lines go; standard output when not given (tests capture them). */
  logDestination?: DestinationStream;
  /** The server clock; the system's when not given. */
  clock?: Clock;
}

@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forConfig(options.config),
        ClockModule.forClock(options.clock ?? systemClock),
        DatabaseModule.forUrl(options.databaseUrl),
        EventStoreModule.forUrl(options.databaseUrl),
        TypeOrmModule.forRootAsync({ useFactory: () => typeOrmOptions(options.databaseUrl) }),
        // Errors in handlers must reach the caller, never vanish into a log (style.md).
        CqrsModule.forRoot({ rethrowUnhandled: true }),
        // Its global guards check every endpoint of every module: login, role, region, committee, rate limits.
        AuthModule.forRoot({ databaseUrl: options.databaseUrl }),
        ProjectionsModule,
        ObservabilityModule.forRoot(options.config, options.logDestination),
        BackupModule.forUrl(options.ownerUrl ?? options.databaseUrl),
        HealthModule,
        VocabularyModule,
        RegionsModule,
        ConferencesModule,
        CommitteesModule,
        RecommendationsModule,
        AuditModule,
        QueriesModule,
        PublicViewsModule,
        ImportModule,
        OParlModule,
        RemindersModule,
      ],
    };
  }
}
