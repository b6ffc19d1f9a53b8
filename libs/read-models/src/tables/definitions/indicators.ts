import { date, defineTable, double, integer, nullable, text, type RowOf } from '../define';

export const indicatorsTable = defineTable({
  name: 'indicators',
  entity: 'ReadModelIndicator',
  columns: {
    recommendation_id: text,
    indicator_id: text,
    region_id: text,
    committee_id: text,
    name: text,
    unit: text,
    direction: text,
    baseline_value: double,
    baseline_on: date,
    target_value: double,
    target_due_on: date,
    latest_value: nullable(double),
    latest_measured_on: nullable(date),
    measurements: integer,
  },
  primaryKey: ['recommendation_id', 'indicator_id'],
  bulk: true,
  indexes: [{ name: 'indicators_region', columns: ['region_id'] }],
});
export type IndicatorRow = RowOf<typeof indicatorsTable>;
