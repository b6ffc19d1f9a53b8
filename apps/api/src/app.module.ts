import { DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import { HealthModule } from './health/health.module';
import { DatabaseModule } from './infrastructure/database.module';
import { ConfigModule } from './infrastructure/config.module';

export interface AppOptions {
  config: AppConfig;
  /** Resolved before Nest starts: DATABASE_URL or the embedded server's. */
  databaseUrl: string;
}

@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forConfig(options.config), DatabaseModule.forUrl(options.databaseUrl), HealthModule],
    };
  }
}
