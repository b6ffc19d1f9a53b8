import { Module } from '@nestjs/common';
import { CommandPipelineModule } from '../command-pipeline/command-pipeline.module';
import { GetRecommendationHttp } from './get-recommendation/get-recommendation.http';
import { AdoptRecommendationHandler } from './adopt/adopt.handler';
import { AdoptRecommendationHttp } from './adopt/adopt.http';
import { AmendRecommendationHandler } from './amend/amend.handler';
import { AmendRecommendationHttp } from './amend/amend.http';
import { HandOffRecommendationHandler } from './hand-off/hand-off.handler';
import { HandOffRecommendationHttp } from './hand-off/hand-off.http';
import { AcceptHandOffHandler } from './accept-hand-off/accept-hand-off.handler';
import { AcceptHandOffHttp } from './accept-hand-off/accept-hand-off.http';
import { DeclineHandOffHandler } from './decline-hand-off/decline-hand-off.handler';
import { DeclineHandOffHttp } from './decline-hand-off/decline-hand-off.http';
import { WithdrawHandOffHandler } from './withdraw-hand-off/withdraw-hand-off.handler';
import { WithdrawHandOffHttp } from './withdraw-hand-off/withdraw-hand-off.http';
import { ReportImplementationStatusHandler } from './report-status/report-status.handler';
import { ReportImplementationStatusHttp } from './report-status/report-status.http';
import { DefineImpactIndicatorHandler } from './define-indicator/define-indicator.handler';
import { DefineImpactIndicatorHttp } from './define-indicator/define-indicator.http';
import { RecordImpactMeasurementHandler } from './record-measurement/record-measurement.handler';
import { RecordImpactMeasurementHttp } from './record-measurement/record-measurement.http';
import { ReviewSustainabilityHandler } from './review-sustainability/review-sustainability.handler';
import { ReviewSustainabilityHttp } from './review-sustainability/review-sustainability.http';
import { ReportOutcomeToConferenceHandler } from './report-outcome/report-outcome.handler';
import { ReportOutcomeToConferenceHttp } from './report-outcome/report-outcome.http';
import { WithdrawRecommendationHandler } from './withdraw/withdraw.handler';
import { WithdrawRecommendationHttp } from './withdraw/withdraw.http';
import { SupersedeRecommendationHandler } from './supersede/supersede.handler';
import { SupersedeRecommendationHttp } from './supersede/supersede.http';
import { ReviseReportDueDateHandler } from './revise-due-date/revise-due-date.handler';
import { ReviseReportDueDateHttp } from './revise-due-date/revise-due-date.http';
import { VerifyImplementationHandler } from './verify-implementation/verify-implementation.handler';
import { VerifyImplementationHttp } from './verify-implementation/verify-implementation.http';
import { CorrectEntryHandler } from './correct-entry/correct-entry.handler';
import { CorrectEntryHttp } from './correct-entry/correct-entry.http';

/** Every command of a recommendation's life, one folder each, plus reading one recommendation. */
@Module({
  imports: [CommandPipelineModule],
  controllers: [
    AdoptRecommendationHttp,
    AmendRecommendationHttp,
    HandOffRecommendationHttp,
    AcceptHandOffHttp,
    DeclineHandOffHttp,
    WithdrawHandOffHttp,
    ReportImplementationStatusHttp,
    DefineImpactIndicatorHttp,
    RecordImpactMeasurementHttp,
    ReviewSustainabilityHttp,
    ReportOutcomeToConferenceHttp,
    WithdrawRecommendationHttp,
    SupersedeRecommendationHttp,
    ReviseReportDueDateHttp,
    VerifyImplementationHttp,
    CorrectEntryHttp,
    GetRecommendationHttp,
  ],
  providers: [
    AdoptRecommendationHandler,
    AmendRecommendationHandler,
    HandOffRecommendationHandler,
    AcceptHandOffHandler,
    DeclineHandOffHandler,
    WithdrawHandOffHandler,
    ReportImplementationStatusHandler,
    DefineImpactIndicatorHandler,
    RecordImpactMeasurementHandler,
    ReviewSustainabilityHandler,
    ReportOutcomeToConferenceHandler,
    WithdrawRecommendationHandler,
    SupersedeRecommendationHandler,
    ReviseReportDueDateHandler,
    VerifyImplementationHandler,
    CorrectEntryHandler,
  ],
})
export class RecommendationsModule {}
