import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { CorrectableEventType } from '@app/domain';
import { ProblemException } from '../../http/problem.exception';
import { flattenValidationErrors } from '../../http/validation.pipe';
import { AcceptHandOffDto } from '../accept-hand-off/accept-hand-off.dto';
import { AdoptRecommendationDto } from '../adopt/adopt.dto';
import { AmendRecommendationDto } from '../amend/amend.dto';
import { DeclineHandOffDto } from '../decline-hand-off/decline-hand-off.dto';
import { DefineImpactIndicatorDto } from '../define-indicator/define-indicator.dto';
import { HandOffRecommendationDto } from '../hand-off/hand-off.dto';
import { RecordImpactMeasurementDto } from '../record-measurement/record-measurement.dto';
import { ReportOutcomeToConferenceDto } from '../report-outcome/report-outcome.dto';
import { ReportImplementationStatusDto } from '../report-status/report-status.dto';
import { ReviewSustainabilityDto } from '../review-sustainability/review-sustainability.dto';
import { SupersedeRecommendationDto } from '../supersede/supersede.dto';
import { WithdrawHandOffDto } from '../withdraw-hand-off/withdraw-hand-off.dto';
import { WithdrawRecommendationDto } from '../withdraw/withdraw.dto';
import { ReviseReportDueDateDto } from '../revise-due-date/revise-due-date.dto';
import { VerifyImplementationDto } from '../verify-implementation/verify-implementation.dto';

/** The request body each event type was written from: its fields carry the same names and limits. */
const SOURCE_DTO: Record<CorrectableEventType, new () => object> = {
  RecommendationAdopted: AdoptRecommendationDto,
  RecommendationAmended: AmendRecommendationDto,
  RecommendationHandedOff: HandOffRecommendationDto,
  HandOffAccepted: AcceptHandOffDto,
  HandOffDeclined: DeclineHandOffDto,
  HandOffWithdrawn: WithdrawHandOffDto,
  ImplementationStatusReported: ReportImplementationStatusDto,
  ImpactIndicatorDefined: DefineImpactIndicatorDto,
  ImpactMeasured: RecordImpactMeasurementDto,
  SustainabilityReviewed: ReviewSustainabilityDto,
  OutcomeReportedToConference: ReportOutcomeToConferenceDto,
  RecommendationWithdrawn: WithdrawRecommendationDto,
  RecommendationSuperseded: SupersedeRecommendationDto,
  ReportDueDateRevised: ReviseReportDueDateDto,
  ImplementationVerified: VerifyImplementationDto,
};

/**
 * A correction must not smuggle in what the original command would have refused at the door
 * (an over-long text, a malformed date, a wrong type): its fields are validated with the original's
 * rules. Which fields may be corrected at all is the domain's rule (correction.field-not-correctable).
 */
export async function validateCorrectedFields(type: CorrectableEventType, fields: Record<string, unknown>): Promise<void> {
  const instance = plainToInstance(SOURCE_DTO[type], fields);
  const errors = await validate(instance, { skipMissingProperties: true, whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  if (errors.length === 0) return;
  throw ProblemException.of(400, 'Die Eingabe ist ungültig; siehe `errors`.', {
    code: 'validation',
    errors: flattenValidationErrors(errors, 'correctedFields'),
  });
}
