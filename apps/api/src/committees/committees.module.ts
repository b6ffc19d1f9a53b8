import { Module } from '@nestjs/common';
import { CommandPipelineModule } from '../command-pipeline/command-pipeline.module';
import { DissolveCommitteeHandler } from './dissolve-committee/dissolve-committee.handler';
import { DissolveCommitteeHttp } from './dissolve-committee/dissolve-committee.http';
import { GetCommitteeHttp } from './get-committee/get-committee.http';
import { RegisterCommitteeHandler } from './register-committee/register-committee.handler';
import { RegisterCommitteeHttp } from './register-committee/register-committee.http';
import { RenameCommitteeHandler } from './rename-committee/rename-committee.handler';
import { RenameCommitteeHttp } from './rename-committee/rename-committee.http';

@Module({
  imports: [CommandPipelineModule],
  controllers: [RegisterCommitteeHttp, RenameCommitteeHttp, DissolveCommitteeHttp, GetCommitteeHttp],
  providers: [RegisterCommitteeHandler, RenameCommitteeHandler, DissolveCommitteeHandler],
})
export class CommitteesModule {}
