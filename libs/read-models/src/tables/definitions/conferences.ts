import { date, defineTable, document, integer, nullable, text, type RowOf } from '../define';

export const conferencesTable = defineTable({
  name: 'conferences',
  entity: 'ReadModelConference',
  columns: {
    conference_id: text,
    region_id: text,
    number: integer,
    kind: text,
    /** For display: "9. Bildungskonferenz". */
    label: text,
    title: text,
    motto: nullable(text),
    date,
    held_on: nullable(date),
    topics: document<string[]>('jsonb'),
  },
  primaryKey: ['conference_id'],
  indexes: [{ name: 'conferences_region', columns: ['region_id', 'date'] }],
});
export type ConferenceRow = RowOf<typeof conferencesTable>;
