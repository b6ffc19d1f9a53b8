import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PublicViews } from '../auth/public-views';
import { QueriesModule } from '../queries/queries.module';
import { OParlHttp } from './oparl.http';
import { OParlSource } from './oparl-source';

/** OParl 1.1 under /oparl/v1 (outside /api) for regions that publish. */
@Module({
  imports: [QueriesModule],
  controllers: [OParlHttp],
  providers: [OParlSource, { provide: PublicViews, inject: [DataSource], useFactory: (ds: DataSource) => new PublicViews(ds) }],
})
export class OParlModule {}
