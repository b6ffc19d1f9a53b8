import { Module } from '@nestjs/common';
import { CommandPipelineModule } from '../command-pipeline/command-pipeline.module';
import { GetRegionHttp } from './get-region/get-region.http';
import { RegisterRegionHandler } from './register-region/register-region.handler';
import { RegisterRegionHttp } from './register-region/register-region.http';

@Module({
  imports: [CommandPipelineModule],
  controllers: [RegisterRegionHttp, GetRegionHttp],
  providers: [RegisterRegionHandler],
})
export class RegionsModule {}
