import { Module } from '@nestjs/common';
import { CommandPipelineModule } from '../command-pipeline/command-pipeline.module';
import { CommitteeListHttp } from './committee-list/committee-list.http';
import { CommitteeListHandler } from './committee-list/committee-list.query';
import { ConferenceListHttp } from './conference-list/conference-list.http';
import { ConferenceListHandler } from './conference-list/conference-list.query';
import { CommitteeScorecardHttp } from './committee-scorecard/committee-scorecard.http';
import { CommitteeScorecardHandler } from './committee-scorecard/committee-scorecard.query';
import { ConferenceReportHttp } from './conference-report/conference-report.http';
import { ConferenceReportHandler } from './conference-report/conference-report.query';
import { FiguresHttp } from './figures/figures.http';
import { FiguresHandler } from './figures/figures.query';
import { FunnelHttp } from './funnel/funnel.http';
import { FunnelHandler } from './funnel/funnel.query';
import { ImpactBoardHttp } from './impact-board/impact-board.http';
import { ImpactBoardHandler } from './impact-board/impact-board.query';
import { RecommendationListHttp } from './recommendation-list/recommendation-list.http';
import { RecommendationListHandler } from './recommendation-list/recommendation-list.query';
import { RecommendationPageHttp } from './recommendation-page/recommendation-page.http';
import { RecommendationPageHandler } from './recommendation-page/recommendation-page.query';
import { RegionReadModel } from './shared/region-read-model';
import { RegionHistory } from './shared/region-history';
import { ClaimsBoardHttp } from './claims-board/claims-board.http';
import { ClaimsBoardHandler } from './claims-board/claims-board.query';
import { SustainabilityBoardHttp } from './sustainability-board/sustainability-board.http';
import { SustainabilityBoardHandler } from './sustainability-board/sustainability-board.query';

/** The read side: figures and views of metrics.md, the recommendation list and the conference and committee lists; each a query, its handler and a controller. */
@Module({
  // For the clock only: asOf's default "today" comes from the same injectable clock as the commands'.
  imports: [CommandPipelineModule],
  controllers: [
    FiguresHttp,
    FunnelHttp,
    CommitteeScorecardHttp,
    ImpactBoardHttp,
    SustainabilityBoardHttp,
    ClaimsBoardHttp,
    RecommendationListHttp,
    RecommendationPageHttp,
    ConferenceReportHttp,
    ConferenceListHttp,
    CommitteeListHttp,
  ],
  providers: [
    RegionHistory,
    RegionReadModel,
    FiguresHandler,
    FunnelHandler,
    CommitteeScorecardHandler,
    ImpactBoardHandler,
    SustainabilityBoardHandler,
    ClaimsBoardHandler,
    RecommendationListHandler,
    RecommendationPageHandler,
    ConferenceReportHandler,
    ConferenceListHandler,
    CommitteeListHandler,
  ],
  // The import matches names against the same picture of the region the views show.
  exports: [RegionHistory],
})
export class QueriesModule {}
