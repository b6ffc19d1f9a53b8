import { checkBusinessDate, checkCalendarDate, firstProblem } from '../shared/business-rules';
import { businessDateOf } from '../shared/business-date';
import { checkRevisionContent, checkVerificationContent } from './decide-verification';
import type { CalendarDate } from '../shared/calendar-date';
import type { Decision } from '../shared/domain-error';
import type { CorrectEntry } from './commands';
import { invalidCorrectedValues } from './correction-values';
import { checkNamedCommittees, checkNotBeforeSuccessor } from './decide-lifecycle';
import { checkIndicatorContent, checkReportContent } from './decide-reporting';
import { recommendationError } from './errors';
import { CORRECTABLE_FIELDS, RECOMMENDATION_BUSINESS_DATE, type CorrectableEvent, type EntryCorrected, type EntryCorrectedData } from './events';
import { correctEntries } from './evolve';
import { ids } from './ids';
import type { AdoptedRecommendation, RecommendationEntry } from './state';

/**
 * Rule 9: a mistake is fixed by a later event beside the original. The corrected entry must still
 * satisfy the rules its original was checked against, so a correction cannot sneak in what decide
 * would have refused (a future date, a blocked report without reason, a report due before its decision).
 * Corrections stay possible after withdrawal (rule 1).
 */
export function decideCorrection(command: CorrectEntry, state: AdoptedRecommendation, today: CalendarDate): Decision<EntryCorrected> {
  const { correctsEventId, correctedEventType: given, correctedFields, reason, effectiveOn = today } = command.data;
  const target = state.entries.find((entry) => entry.eventId === correctsEventId);
  if (!target) return recommendationError('correction.unknown-event', { correctsEventId });
  const correctedEventType = target.event.type;
  const fields = Object.keys(correctedFields);
  const allowed: readonly string[] = CORRECTABLE_FIELDS[correctedEventType];
  const problem = firstProblem(
    () =>
      given !== undefined && given !== correctedEventType
        ? recommendationError('correction.type-mismatch', { correctsEventId, expected: correctedEventType, given })
        : undefined,
    () => (fields.length === 0 ? recommendationError('correction.empty') : undefined),
    () => {
      const refused = fields.filter((field) => !allowed.includes(field));
      return refused.length > 0 ? recommendationError('correction.field-not-correctable', { eventType: correctedEventType, fields: refused, allowed }) : undefined;
    },
    () => {
      const invalid = invalidCorrectedValues(correctedFields);
      return invalid.length > 0 ? recommendationError('correction.invalid-value', { fields: invalid }) : undefined;
    },
    () => checkBusinessDate('effectiveOn', effectiveOn, today),
  );
  if (problem) return problem;

  const data = { ...ids(state), correctsEventId, correctedEventType, correctedFields, reason, effectiveOn } as EntryCorrectedData;
  const corrected = correctEntries(state.entries, data);
  const conference = command.context?.adoptingConference;
  const adoptedOn = 'adoptedOn' in correctedFields ? correctedFields.adoptedOn : undefined;
  if (conference && typeof adoptedOn === 'string' && adoptedOn < conference.date) {
    return recommendationError('adoption.before-conference', { adoptedOn, conferenceDate: conference.date });
  }
  const correctedTarget = corrected.find((entry) => entry.eventId === correctsEventId)!.event;
  if (correctedTarget.type === 'RecommendationAdopted' && ('addressees' in correctedFields || 'originCommitteeIds' in correctedFields)) {
    const foreign = checkNamedCommittees(correctedFields, state.regionId, command.context?.committees);
    if (foreign) return foreign;
  }
  // Rule 7 for any entry that names a successor recommendation: not dated before the successor's adoption.
  if ('successorId' in correctedTarget.data) {
    const early = checkNotBeforeSuccessor(correctedTarget.data.effectiveOn, command.context?.successor);
    if (early) return early;
  }
  const invalid = checkCorrectedEntries(corrected, correctsEventId, today);
  if (invalid) return invalid;
  return [{ type: 'EntryCorrected', data }];
}

function checkCorrectedEntries(entries: readonly RecommendationEntry[], correctsEventId: string, today: CalendarDate) {
  const target = entries.find((entry) => entry.eventId === correctsEventId)!.event;
  return firstProblem(
    () => checkBusinessDate(businessDateField(target), businessDateOf(target), today),
    () => checkContent(target, today),
    () => checkStreamDates(entries),
  );
}

/**
 * The date rules between entries, over the whole corrected stream: a corrected adoption or
 * hand-off date moves the bounds of every later entry (rules 2, 4, 7).
 */
function checkStreamDates(entries: readonly RecommendationEntry[]) {
  let adoptedOn: CalendarDate | undefined;
  const decidedOn = new Map<string, CalendarDate>();
  for (const { event, eventId } of entries) {
    if (event.type === 'RecommendationAdopted') {
      adoptedOn = event.data.adoptedOn;
      continue;
    }
    const date = businessDateOf(event);
    if (adoptedOn !== undefined && date < adoptedOn) return recommendationError('date.before-adoption', { eventId, value: date, adoptedOn });
    switch (event.type) {
      case 'RecommendationHandedOff':
        decidedOn.set(event.data.committeeId, event.data.decidedOn);
        break;
      case 'HandOffAccepted':
      case 'HandOffDeclined': {
        const decided = decidedOn.get(event.data.committeeId);
        if (decided !== undefined && event.data.on < decided) return recommendationError('handoff.before-decision', { eventId, on: event.data.on, decidedOn: decided });
        break;
      }
      case 'ReportDueDateRevised': {
        const decided = decidedOn.get(event.data.committeeId);
        if (decided !== undefined && event.data.decidedOn < decided)
          return recommendationError('due-date-revision.before-handoff', { eventId, decidedOn: event.data.decidedOn, handOffDecidedOn: decided });
        break;
      }
      case 'ImplementationStatusReported': {
        const decided = decidedOn.get(event.data.committeeId);
        if (decided !== undefined && event.data.reportedOn < decided)
          return recommendationError('status.before-handoff', { eventId, reportedOn: event.data.reportedOn, decidedOn: decided });
        break;
      }
      default:
        break;
    }
  }
  return undefined;
}

/** The rules on one entry's own fields, as decide checked them when it was recorded. */
function checkContent(event: CorrectableEvent, today: CalendarDate) {
  switch (event.type) {
    case 'RecommendationHandedOff': {
      const { reportDueOn, decidedOn } = event.data;
      return firstProblem(
        () => checkCalendarDate('reportDueOn', reportDueOn),
        () => (reportDueOn < decidedOn ? recommendationError('handoff.due-before-decision', { reportDueOn, decidedOn }) : undefined),
      );
    }
    case 'ImplementationStatusReported':
      return checkReportContent(event.data);
    case 'ImpactIndicatorDefined':
      return checkIndicatorContent(event.data, today);
    case 'ReportDueDateRevised':
      return checkRevisionContent(event.data);
    case 'ImplementationVerified':
      return checkVerificationContent(event.data);
    case 'RecommendationAdopted':
    case 'RecommendationAmended':
    case 'HandOffAccepted':
    case 'HandOffDeclined':
    case 'HandOffWithdrawn':
    case 'ImpactMeasured':
    case 'SustainabilityReviewed':
    case 'OutcomeReportedToConference':
    case 'RecommendationWithdrawn':
    case 'RecommendationSuperseded':
      return undefined;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

const businessDateField = (event: CorrectableEvent): string => RECOMMENDATION_BUSINESS_DATE[event.type];

/** This file's decisions by command type, for decideRecommendation. */
export const CORRECTION_DECISIONS = { CorrectEntry: decideCorrection } as const;
