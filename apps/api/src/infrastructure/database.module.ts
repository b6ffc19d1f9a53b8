import { DynamicModule, Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import { survivingPool } from '@app/postgres';
import { PG_POOL } from './tokens';

/** The PostgreSQL pool of this process; the URL is resolved before Nest starts (see bootstrap/database.ts). */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  static forUrl(url: string): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: PG_POOL,
          // A lost connection costs the requests using it a 503 (http/database-unavailable.ts), never the process.
          useFactory: () =>
            survivingPool({ connectionString: url, max: 20, application_name: 'empfehlungsradar' }, (e) =>
              new Logger('Datenbank').warn(`Verbindung zur Datenbank verloren: ${e.message}`),
            ),
        },
      ],
      exports: [PG_POOL],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
