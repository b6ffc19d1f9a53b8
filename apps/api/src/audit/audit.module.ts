import { Module } from '@nestjs/common';
import { CommandPipelineModule } from '../command-pipeline/command-pipeline.module';
import { AuditReader } from './audit-reader';
import { AuditHttp } from './http/audit.http';
import { RecommendationHistoryHttp } from './http/recommendation-history.http';
import { ManifestSigner } from './signing/manifest-signer';

/** The auditor's side: history, time travel and diff, the global log and its export, integrity checks. */
@Module({
  // For the injectable clock only (asOf's default "today" and the export's time stamp).
  imports: [CommandPipelineModule],
  controllers: [RecommendationHistoryHttp, AuditHttp],
  providers: [AuditReader, ManifestSigner],
})
export class AuditModule {}
