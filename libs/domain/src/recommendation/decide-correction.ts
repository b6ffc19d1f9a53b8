import { checkBusinessDate, checkCalendarDate, firstProblem } from '../shared/business-rules';
import { businessDateOf } from '../shared/business-date';
import type { CalendarDate } from '../shared/calendar-date';
import type { Decision } from '../shared/domain-error';
import type { CorrectEntry } from './commands';
import { checkIndicatorContent, checkReportContent } from './decide-reporting';
import { recommendationError } from './errors';
import { CORRECTABLE_FIELDS, type CorrectableEvent, type EntryCorrected, type EntryCorrectedData } from './events';
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
  const { correctsEventId, correctedEventType, correctedFields, reason, effectiveOn = today } = command.data;
  const target = state.entries.find((entry) => entry.eventId === correctsEventId);
  const fields = Object.keys(correctedFields);
  const allowed: readonly string[] = CORRECTABLE_FIELDS[correctedEventType];
  const problem = firstProblem(
    () => (target ? undefined : recommendationError('correction.unknown-event', { correctsEventId })),
    () =>
      target && target.event.type !== correctedEventType
        ? recommendationError('correction.type-mismatch', { correctsEventId, expected: target.event.type, given: correctedEventType })
        : undefined,
    () => (fields.length === 0 ? recommendationError('correction.empty') : undefined),
    () => {
      const refused = fields.filter((field) => !allowed.includes(field));
      return refused.length > 0 ? recommendationError('correction.field-not-correctable', { eventType: correctedEventType, fields: refused, allowed }) : undefined;
    },
    () => checkBusinessDate('effectiveOn', effectiveOn, today),
  );
  if (problem) return problem;

  const data = { ...ids(state), correctsEventId, correctedEventType, correctedFields, reason, effectiveOn } as EntryCorrectedData;
  const corrected = correctEntries(state.entries, data);
  const invalid = checkCorrectedEntries(corrected, correctsEventId, today);
  if (invalid) return invalid;
  return [{ type: 'EntryCorrected', data }];
}

function checkCorrectedEntries(entries: readonly RecommendationEntry[], correctsEventId: string, today: CalendarDate) {
  const target = entries.find((entry) => entry.eventId === correctsEventId)!.event;
  const adoption = entries.find((entry) => entry.event.type === 'RecommendationAdopted')?.event;
  const adoptedOn = adoption?.type === 'RecommendationAdopted' ? adoption.data.adoptedOn : undefined;
  return firstProblem(
    () => checkBusinessDate(businessDateField(target), businessDateOf(target), today),
    // Rule 7 across the stream: moving the adoption later must not leave older entries before it.
    () => {
      if (adoptedOn === undefined) return undefined;
      const early = entries.find((entry) => entry.event.type !== 'RecommendationAdopted' && businessDateOf(entry.event) < adoptedOn);
      return early
        ? recommendationError('date.before-adoption', { eventId: early.eventId, value: businessDateOf(early.event), adoptedOn })
        : undefined;
    },
    () => checkContent(target, entries, today),
  );
}

function checkContent(event: CorrectableEvent, entries: readonly RecommendationEntry[], today: CalendarDate) {
  switch (event.type) {
    case 'RecommendationHandedOff': {
      const { reportDueOn, decidedOn } = event.data;
      return firstProblem(
        () => checkCalendarDate('reportDueOn', reportDueOn),
        () => (reportDueOn < decidedOn ? recommendationError('handoff.due-before-decision', { reportDueOn, decidedOn }) : undefined),
      );
    }
    case 'ImplementationStatusReported': {
      const decidedOn = decisionDateBefore(entries, event);
      return firstProblem(
        () => checkReportContent(event.data),
        () =>
          decidedOn !== undefined && event.data.reportedOn < decidedOn
            ? recommendationError('status.before-handoff', { reportedOn: event.data.reportedOn, decidedOn })
            : undefined,
      );
    }
    case 'ImpactIndicatorDefined':
      return checkIndicatorContent(event.data, today);
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

/** The `decidedOn` of the hand-off a report belongs to: the committee's last hand-off recorded before it. */
function decisionDateBefore(entries: readonly RecommendationEntry[], report: CorrectableEvent & { type: 'ImplementationStatusReported' }) {
  let decidedOn: CalendarDate | undefined;
  for (const { event } of entries) {
    if (event === report) break;
    if (event.type === 'RecommendationHandedOff' && event.data.committeeId === report.data.committeeId) decidedOn = event.data.decidedOn;
  }
  return decidedOn;
}

function businessDateField(event: CorrectableEvent): string {
  const candidates = ['adoptedOn', 'decidedOn', 'on', 'reportedOn', 'measuredOn', 'reviewedOn', 'effectiveOn'];
  return candidates.find((field) => field in event.data) ?? 'effectiveOn';
}
