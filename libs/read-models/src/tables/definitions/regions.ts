import { date, defineTable, text, type RowOf } from '../define';

export const regionsTable = defineTable({
  name: 'regions',
  entity: 'ReadModelRegion',
  columns: {
    region_id: text,
    name: text,
    contract_signed_on: date,
  },
  primaryKey: ['region_id'],
});
export type RegionRow = RowOf<typeof regionsTable>;
