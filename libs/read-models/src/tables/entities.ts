import { entitySchemaOf } from './define';
import { READ_MODEL_DEFINITIONS, READ_MODEL_SCHEMA } from './schema';

/**
 * TypeORM views of the read-model tables for the query side, made from the tables' definitions.
 * Plain row types keep TypeORM out of the projection code; the projector writes with plain SQL (see
 * projector/sink.ts). `date` columns come back as 'YYYY-MM-DD' strings, bigint as strings.
 */
export const READ_MODEL_ENTITIES = READ_MODEL_DEFINITIONS.map((d) => entitySchemaOf(d, READ_MODEL_SCHEMA));

export type { AssignmentRow } from './definitions/assignments';
export type { CommitteeRow } from './definitions/committees';
export type { ConferenceRow } from './definitions/conferences';
export type { IndicatorRow } from './definitions/indicators';
export type { MeasurementRow } from './definitions/measurements';
export type { CheckpointRow } from './definitions/projection-checkpoints';
export type { RecommendationFactsRow } from './definitions/recommendation-facts';
export type { RecommendationRow } from './definitions/recommendations';
export type { RegionRow } from './definitions/regions';
export type { SustainabilityReviewRow } from './definitions/sustainability-reviews';
export type { TimelineRow } from './definitions/timeline';
