import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PublicViews } from '../auth/public-views';
import { CommandPipelineModule } from '../command-pipeline/command-pipeline.module';
import { PublicViewsHttp } from './public-views.http';

/** "Was wurde aus …?": the published pages without login (the views themselves are the queries module's). */
@Module({
  // For the injectable clock: "today" as the commands see it.
  imports: [CommandPipelineModule],
  controllers: [PublicViewsHttp],
  // The region setting, read through the application's own database connection.
  providers: [{ provide: PublicViews, inject: [DataSource], useFactory: (ds: DataSource) => new PublicViews(ds) }],
})
export class PublicViewsModule {}
