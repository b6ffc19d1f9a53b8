import { date, defineTable, document, integer, text, type RowOf } from '../define';

export const sustainabilityReviewsTable = defineTable({
  name: 'sustainability_reviews',
  entity: 'ReadModelSustainabilityReview',
  columns: {
    recommendation_id: text,
    seq: integer,
    region_id: text,
    reviewed_on: date,
    outcome: text,
    anchoring: document<string[]>('jsonb'),
  },
  primaryKey: ['recommendation_id', 'seq'],
  bulk: true,
  indexes: [{ name: 'sustainability_reviews_region', columns: ['region_id', 'outcome'] }],
});
export type SustainabilityReviewRow = RowOf<typeof sustainabilityReviewsTable>;
