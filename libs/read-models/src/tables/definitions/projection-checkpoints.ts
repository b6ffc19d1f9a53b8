import { bigint, defineTable, nullable, text, withDefault, type RowOf } from '../define';

export const projectionCheckpointsTable = defineTable({
  name: 'projection_checkpoints',
  entity: 'ReadModelCheckpoint',
  columns: {
    name: text,
    /** Exclusive checkpoint: the event store position of the last event applied; NULL before the first. */
    position: nullable(bigint),
    events: withDefault(bigint, '0'),
  },
  primaryKey: ['name'],
});
export type CheckpointRow = RowOf<typeof projectionCheckpointsTable>;
