import { date, defineTable, double, integer, text, type RowOf } from '../define';

export const measurementsTable = defineTable({
  name: 'measurements',
  entity: 'ReadModelMeasurement',
  columns: {
    recommendation_id: text,
    indicator_id: text,
    /** Order by measuredOn (ties: stream order). */
    seq: integer,
    region_id: text,
    value: double,
    measured_on: date,
  },
  primaryKey: ['recommendation_id', 'indicator_id', 'seq'],
  bulk: true,
});
export type MeasurementRow = RowOf<typeof measurementsTable>;
