import { EntitySchema } from 'typeorm';
import { READ_MODEL_SCHEMA } from './schema';

/**
 * TypeORM views of the read-model tables for the query side. Plain row types and EntitySchema keep
 * TypeORM out of the projection code; the projector writes with plain SQL (see projector/sink.ts).
 * `date` columns come back as 'YYYY-MM-DD' strings, bigint as strings.
 */
const schema = READ_MODEL_SCHEMA;
const text = { type: 'text' } as const;
const optionalText = { type: 'text', nullable: true } as const;
const date = { type: 'date' } as const;
const optionalDate = { type: 'date', nullable: true } as const;
const int = { type: 'integer' } as const;
const json = { type: 'jsonb' } as const;

export interface RegionRow {
  region_id: string;
  name: string;
  contract_signed_on: string;
}
export const RegionEntity = new EntitySchema<RegionRow>({
  name: 'ReadModelRegion',
  tableName: 'regions',
  schema,
  columns: { region_id: { ...text, primary: true }, name: text, contract_signed_on: date },
});

export interface ConferenceRow {
  conference_id: string;
  region_id: string;
  number: number;
  kind: string;
  label: string;
  title: string;
  motto: string | null;
  date: string;
  held_on: string | null;
  topics: string[];
}
export const ConferenceEntity = new EntitySchema<ConferenceRow>({
  name: 'ReadModelConference',
  tableName: 'conferences',
  schema,
  columns: {
    conference_id: { ...text, primary: true },
    region_id: text,
    number: int,
    kind: text,
    label: text,
    title: text,
    motto: optionalText,
    date,
    held_on: optionalDate,
    topics: json,
  },
});

export interface CommitteeRow {
  committee_id: string;
  region_id: string;
  name: string;
  short_name: string;
  kind: string;
  fields_of_action: string[];
  dissolved_on: string | null;
  successor_committee_id: string | null;
}
export const CommitteeEntity = new EntitySchema<CommitteeRow>({
  name: 'ReadModelCommittee',
  tableName: 'committees',
  schema,
  columns: {
    committee_id: { ...text, primary: true },
    region_id: text,
    name: text,
    short_name: text,
    kind: text,
    fields_of_action: json,
    dissolved_on: optionalDate,
    successor_committee_id: optionalText,
  },
});

export interface RecommendationRow {
  recommendation_id: string;
  region_id: string;
  conference_id: string;
  reference: string;
  title: string;
  text: string;
  fields_of_action: string[];
  addressees: { committeeIds: string[]; decisionMakers: string[] };
  adopted_on: string;
  adopted_year: number;
  lifecycle_state: string;
  implemented_on: string | null;
  partially_implemented_on: string | null;
  not_implemented_on: string | null;
  withdrawn_on: string | null;
  superseded_on: string | null;
  successor_id: string | null;
  last_event_on: string;
  hand_offs: number;
  assignments_pending: number;
  assignments_accepted: number;
  assignments_declined: number;
  assignments_withdrawn: number;
  next_due_on: string | null;
  indicators: number;
  latest_review_outcome: string | null;
  latest_reviewed_on: string | null;
  outcome_reported: boolean;
  revision: string;
  position: string;
}
export const RecommendationEntity = new EntitySchema<RecommendationRow>({
  name: 'ReadModelRecommendation',
  tableName: 'recommendations',
  schema,
  columns: {
    recommendation_id: { ...text, primary: true },
    region_id: text,
    conference_id: text,
    reference: text,
    title: text,
    text,
    fields_of_action: json,
    addressees: json,
    adopted_on: date,
    adopted_year: int,
    lifecycle_state: text,
    implemented_on: optionalDate,
    partially_implemented_on: optionalDate,
    not_implemented_on: optionalDate,
    withdrawn_on: optionalDate,
    superseded_on: optionalDate,
    successor_id: optionalText,
    last_event_on: date,
    hand_offs: int,
    assignments_pending: int,
    assignments_accepted: int,
    assignments_declined: int,
    assignments_withdrawn: int,
    next_due_on: optionalDate,
    indicators: int,
    latest_review_outcome: optionalText,
    latest_reviewed_on: optionalDate,
    outcome_reported: { type: 'boolean' },
    revision: { type: 'bigint' },
    position: { type: 'bigint' },
  },
});

export interface RecommendationFactsRow {
  recommendation_id: string;
  region_id: string;
  conference_id: string;
  adopted_year: number;
  /** `RecommendationFacts` as JSON; re-evaluate with `factsAsOf` before handing them to figures. */
  facts: unknown;
}
export const RecommendationFactsEntity = new EntitySchema<RecommendationFactsRow>({
  name: 'ReadModelRecommendationFacts',
  tableName: 'recommendation_facts',
  schema,
  columns: { recommendation_id: { ...text, primary: true }, region_id: text, conference_id: text, adopted_year: int, facts: { type: 'json' } },
});

export interface AssignmentRow {
  recommendation_id: string;
  seq: number;
  region_id: string;
  committee_id: string;
  state: string;
  decided_on: string;
  report_due_on: string;
  answered_on: string | null;
  withdrawn_on: string | null;
  withdrawn_while_pending: boolean;
  current_due_on: string | null;
  can_be_overdue: boolean;
  last_status: string | null;
  last_reported_on: string | null;
  reports: number;
}
export const AssignmentEntity = new EntitySchema<AssignmentRow>({
  name: 'ReadModelAssignment',
  tableName: 'assignments',
  schema,
  columns: {
    recommendation_id: { ...text, primary: true },
    seq: { ...int, primary: true },
    region_id: text,
    committee_id: text,
    state: text,
    decided_on: date,
    report_due_on: date,
    answered_on: optionalDate,
    withdrawn_on: optionalDate,
    withdrawn_while_pending: { type: 'boolean' },
    current_due_on: optionalDate,
    can_be_overdue: { type: 'boolean' },
    last_status: optionalText,
    last_reported_on: optionalDate,
    reports: int,
  },
});

export interface IndicatorRow {
  recommendation_id: string;
  indicator_id: string;
  region_id: string;
  committee_id: string;
  name: string;
  unit: string;
  direction: string;
  baseline_value: number;
  baseline_on: string;
  target_value: number;
  target_due_on: string;
  latest_value: number | null;
  latest_measured_on: string | null;
  measurements: number;
}
const double = { type: 'double precision' } as const;
export const IndicatorEntity = new EntitySchema<IndicatorRow>({
  name: 'ReadModelIndicator',
  tableName: 'indicators',
  schema,
  columns: {
    recommendation_id: { ...text, primary: true },
    indicator_id: { ...text, primary: true },
    region_id: text,
    committee_id: text,
    name: text,
    unit: text,
    direction: text,
    baseline_value: double,
    baseline_on: date,
    target_value: double,
    target_due_on: date,
    latest_value: { ...double, nullable: true },
    latest_measured_on: optionalDate,
    measurements: int,
  },
});

export interface MeasurementRow {
  recommendation_id: string;
  indicator_id: string;
  seq: number;
  region_id: string;
  value: number;
  measured_on: string;
}
export const MeasurementEntity = new EntitySchema<MeasurementRow>({
  name: 'ReadModelMeasurement',
  tableName: 'measurements',
  schema,
  columns: {
    recommendation_id: { ...text, primary: true },
    indicator_id: { ...text, primary: true },
    seq: { ...int, primary: true },
    region_id: text,
    value: double,
    measured_on: date,
  },
});

export interface SustainabilityReviewRow {
  recommendation_id: string;
  seq: number;
  region_id: string;
  reviewed_on: string;
  outcome: string;
  anchoring: string[];
}
export const SustainabilityReviewEntity = new EntitySchema<SustainabilityReviewRow>({
  name: 'ReadModelSustainabilityReview',
  tableName: 'sustainability_reviews',
  schema,
  columns: {
    recommendation_id: { ...text, primary: true },
    seq: { ...int, primary: true },
    region_id: text,
    reviewed_on: date,
    outcome: text,
    anchoring: json,
  },
});

export interface TimelineRow {
  event_id: string;
  position: string;
  region_id: string;
  stream_id: string;
  revision: string;
  recommendation_id: string | null;
  event_type: string;
  business_date: string;
  recorded_at: Date;
  actor_user_id: string | null;
  actor_role: string | null;
  on_behalf_of: string | null;
  sentence: string;
  corrects_event_id: string | null;
}
export const TimelineEntity = new EntitySchema<TimelineRow>({
  name: 'ReadModelTimeline',
  tableName: 'timeline',
  schema,
  columns: {
    event_id: { ...text, primary: true },
    position: { type: 'bigint' },
    region_id: text,
    stream_id: text,
    revision: { type: 'bigint' },
    recommendation_id: optionalText,
    event_type: text,
    business_date: date,
    recorded_at: { type: 'timestamptz' },
    actor_user_id: optionalText,
    actor_role: optionalText,
    on_behalf_of: optionalText,
    sentence: text,
    corrects_event_id: optionalText,
  },
});

export interface CheckpointRow {
  name: string;
  position: string | null;
  events: string;
}
export const CheckpointEntity = new EntitySchema<CheckpointRow>({
  name: 'ReadModelCheckpoint',
  tableName: 'projection_checkpoints',
  schema,
  columns: { name: { ...text, primary: true }, position: { type: 'bigint', nullable: true }, events: { type: 'bigint' } },
});

export const READ_MODEL_ENTITIES = [
  RegionEntity,
  ConferenceEntity,
  CommitteeEntity,
  RecommendationEntity,
  RecommendationFactsEntity,
  AssignmentEntity,
  IndicatorEntity,
  MeasurementEntity,
  SustainabilityReviewEntity,
  TimelineEntity,
  CheckpointEntity,
];
