import { date, defineTable, document, nullable, text, type RowOf } from '../define';

export const committeesTable = defineTable({
  name: 'committees',
  entity: 'ReadModelCommittee',
  columns: {
    committee_id: text,
    region_id: text,
    name: text,
    short_name: text,
    kind: text,
    fields_of_action: document<string[]>('jsonb'),
    dissolved_on: nullable(date),
    successor_committee_id: nullable(text),
  },
  primaryKey: ['committee_id'],
  indexes: [{ name: 'committees_region', columns: ['region_id', 'name'] }],
});
export type CommitteeRow = RowOf<typeof committeesTable>;
