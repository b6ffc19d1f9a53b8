import { Module } from '@nestjs/common';
import { CommandPipelineModule } from '../command-pipeline/command-pipeline.module';
import { QueriesModule } from '../queries/queries.module';
import { ImportHttp } from './http/import.http';
import { ImportDirectoryReader } from './run/directory-reader';
import { ImportJobs } from './run/import-jobs';
import { ImportService } from './run/import.service';

/** Spreadsheet import: a list of recommendations as ordinary commands, all rows or none. */
@Module({
  imports: [CommandPipelineModule, QueriesModule],
  controllers: [ImportHttp],
  providers: [ImportService, ImportJobs, ImportDirectoryReader],
  exports: [ImportService],
})
export class ImportModule {}
