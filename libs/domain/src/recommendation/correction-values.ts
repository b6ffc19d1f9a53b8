import { isCalendarDate } from '../shared/calendar-date';
import { ANCHORINGS, CORRECTABLE_FIELDS, IMPLEMENTATION_STATUSES, INDICATOR_DIRECTIONS, SUSTAINABILITY_OUTCOMES, type CorrectableEventType } from './events';

/**
 * Runtime checks of corrected values. Commands are type-checked at compile time, but a correction
 * arrives from HTTP with fields whose shape depends on the corrected event's type, which a request
 * DTO cannot know; so the domain checks the values itself.
 */
type Check = (value: unknown) => boolean;

const isString: Check = (v) => typeof v === 'string';
const isNumber: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const optional = (check: Check): Check => (v) => v === undefined || check(v);
const listOf = (check: Check): Check => (v) => Array.isArray(v) && v.every(check);
const oneOf = (values: readonly string[]): Check => (v) => typeof v === 'string' && values.includes(v);
const shape = (checks: Record<string, Check>): Check => (v) =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.entries(checks).every(([k, check]) => check((v as Record<string, unknown>)[k]));

type CorrectableField = (typeof CORRECTABLE_FIELDS)[CorrectableEventType][number];

const CHECKS: Record<CorrectableField, Check> = {
  reference: isString,
  title: isString,
  text: isString,
  fieldsOfAction: listOf(isString),
  addressees: shape({ committeeIds: listOf(isString), decisionMakers: listOf(isString) }),
  originCommitteeIds: listOf(isString),
  adoptedOn: isCalendarDate,
  reason: isString,
  effectiveOn: isCalendarDate,
  mandate: isString,
  reportDueOn: isCalendarDate,
  decidedOn: isCalendarDate,
  decisionReference: optional(isString),
  on: isCalendarDate,
  contact: optional(isString),
  status: oneOf(IMPLEMENTATION_STATUSES),
  progressPercent: optional(isNumber),
  summary: isString,
  evidence: listOf(shape({ title: isString, url: isString })),
  reportedOn: isCalendarDate,
  nextReportDueOn: optional(isCalendarDate),
  name: isString,
  unit: isString,
  direction: oneOf(INDICATOR_DIRECTIONS),
  baseline: shape({ value: isNumber, on: isCalendarDate }),
  target: shape({ value: isNumber, dueOn: isCalendarDate }),
  source: isString,
  value: isNumber,
  measuredOn: isCalendarDate,
  note: optional(isString),
  reviewedOn: isCalendarDate,
  outcome: oneOf(SUSTAINABILITY_OUTCOMES),
  anchoring: listOf(oneOf(ANCHORINGS)),
  newDueOn: isCalendarDate,
  verifiedOn: isCalendarDate,
  evidenceChecked: listOf(isString),
};

/** Names of the given fields whose values do not have the shape the field needs. */
export function invalidCorrectedValues(fields: Record<string, unknown>): string[] {
  return Object.entries(fields)
    .filter(([field, value]) => {
      const check = CHECKS[field as CorrectableField];
      return check !== undefined && !check(value);
    })
    .map(([field]) => field);
}
