import { bigint, date, defineTable, nullable, text, timestamptz, type RowOf } from '../define';

/**
 * One row per event. During a rebuild's load the server keeps up the indexes whose entries arrive
 * in order (per region, by record time) or seldom (the partial ones): it costs little while it waits
 * for rows anyway, where the others (random ids) are far cheaper built by sorting afterwards
 * (measured on 1,000,000 rows: 1.9 s more for the load against 1.4 s of building; docs/benchmarks.md).
 */
export const timelineTable = defineTable({
  name: 'timeline',
  entity: 'ReadModelTimeline',
  columns: {
    event_id: text,
    position: bigint,
    region_id: text,
    stream_id: text,
    revision: bigint,
    recommendation_id: nullable(text),
    event_type: text,
    business_date: date,
    recorded_at: timestamptz,
    actor_user_id: nullable(text),
    actor_role: nullable(text),
    on_behalf_of: nullable(text),
    sentence: text,
    /** Set on an EntryCorrected row: the event it corrects (shown beside it). */
    corrects_event_id: nullable(text),
  },
  primaryKey: ['event_id'],
  bulk: true,
  order: ['position'],
  indexes: [
    // Stream order for the directory's streams; a recommendation's timeline uses timeline_recommendation.
    { name: 'timeline_stream', columns: ['stream_id', 'revision'], where: 'recommendation_id IS NULL', duringLoad: true },
    { name: 'timeline_recommendation', columns: ['recommendation_id', 'business_date'], where: 'recommendation_id IS NOT NULL' },
    { name: 'timeline_corrects', columns: ['corrects_event_id'], where: 'corrects_event_id IS NOT NULL', duringLoad: true },
    { name: 'timeline_region', columns: ['region_id', 'recorded_at'], duringLoad: true },
  ],
});
export type TimelineRow = RowOf<typeof timelineTable>;
