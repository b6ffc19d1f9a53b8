import { Module } from '@nestjs/common';
import { CommandPipelineModule } from '../command-pipeline/command-pipeline.module';
import { FiguresHandler } from './figures/figures.query';
import { FiguresHttp } from './figures/figures.http';
import { RegionHistory } from './shared/region-history';

/** The read side: figures and views of metrics.md, the recommendation list; each one query + handler + controller. */
@Module({
  // For the clock only: "today" of asOf's default comes from the same injectable clock as commands.
  imports: [CommandPipelineModule],
  controllers: [FiguresHttp],
  providers: [RegionHistory, FiguresHandler],
})
export class QueriesModule {}
