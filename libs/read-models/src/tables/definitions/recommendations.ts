import { bigint, boolean, date, defineTable, document, integer, nullable, text, type RowOf } from '../define';

export const recommendationsTable = defineTable({
  name: 'recommendations',
  entity: 'ReadModelRecommendation',
  columns: {
    recommendation_id: text,
    region_id: text,
    conference_id: text,
    reference: text,
    title: text,
    text,
    fields_of_action: document<string[]>('jsonb'),
    addressees: document<{ committeeIds: string[]; decisionMakers: string[] }>('jsonb'),
    adopted_on: date,
    adopted_year: integer,
    /** lifecycleOf(facts); "stalled" is open state AND last_event_on more than 180 days before today. */
    lifecycle_state: text,
    implemented_on: nullable(date),
    partially_implemented_on: nullable(date),
    not_implemented_on: nullable(date),
    withdrawn_on: nullable(date),
    superseded_on: nullable(date),
    successor_id: nullable(text),
    last_event_on: date,
    hand_offs: integer,
    assignments_pending: integer,
    assignments_accepted: integer,
    assignments_declined: integer,
    assignments_withdrawn: integer,
    /** Earliest current due date among assignments that can be overdue: overdue = next_due_on < today. */
    next_due_on: nullable(date),
    indicators: integer,
    latest_review_outcome: nullable(text),
    latest_reviewed_on: nullable(date),
    outcome_reported: boolean,
    revision: bigint,
    position: bigint,
  },
  primaryKey: ['recommendation_id'],
  bulk: true,
  indexes: [
    { name: 'recommendations_region_conference', columns: ['region_id', 'conference_id', 'reference'] },
    { name: 'recommendations_region_state', columns: ['region_id', 'lifecycle_state'] },
    { name: 'recommendations_region_year', columns: ['region_id', 'adopted_year'] },
    // the recommendation list: newest first
    { name: 'recommendations_region_adopted', columns: ['region_id', 'adopted_on DESC', 'reference'] },
  ],
});
export type RecommendationRow = RowOf<typeof recommendationsTable>;
