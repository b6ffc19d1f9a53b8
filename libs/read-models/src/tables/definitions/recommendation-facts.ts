import { defineTable, document, integer, text, type RowOf } from '../define';

/**
 * Facts documents average 1.8 kB, around PostgreSQL's 2 kB threshold for compressing a row: kept
 * whole in the row up to a page, they are written and read without pglz (a rebuild's COPY of
 * 68,970 facts: 2.0 s compressed, 1.3 s not) for about half as much space again (103 → 151 MB).
 */
export const FACTS_TOAST_TUPLE_TARGET = 8160;

export const recommendationFactsTable = defineTable({
  name: 'recommendation_facts',
  entity: 'ReadModelRecommendationFacts',
  columns: {
    recommendation_id: text,
    region_id: text,
    conference_id: text,
    adopted_year: integer,
    /**
     * recommendationFacts() of the whole known history (asOf 9999-12-31) as JSON; re-evaluate with
     * `factsAsOf` before handing them to figures. json, not jsonb: only ever stored and read whole.
     */
    facts: document<unknown>('json'),
  },
  primaryKey: ['recommendation_id'],
  bulk: true,
  indexes: [
    { name: 'recommendation_facts_cohort', columns: ['region_id', 'conference_id'] },
    { name: 'recommendation_facts_year', columns: ['region_id', 'adopted_year'] },
  ],
  storage: { toast_tuple_target: FACTS_TOAST_TUPLE_TARGET },
});
export type RecommendationFactsRow = RowOf<typeof recommendationFactsTable>;
