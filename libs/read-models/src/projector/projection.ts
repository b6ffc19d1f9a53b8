import {
  businessDateOf,
  calendarDateOf,
  COMMITTEE_EVENT_TYPES,
  CONFERENCE_EVENT_TYPES,
  RECOMMENDATION_EVENT_TYPES,
  REGION_EVENT_TYPES,
  type Actor,
  type DomainEvent,
  type RecommendationEvent,
} from '@app/domain';
import type { EventStore, RecordedEvent } from '@app/event-store';
import type { HistoryEvent } from '@app/figures/history/history-at';
import type { TimelineRow } from '../tables/entities';
import { sentenceOf, type SentenceNames } from '@app/figures/timeline/sentence';
import { evolveDirectory, type Directory, type DirectoryChange, type DirectoryEvent } from './directory';
import { recommendationRows, type RecommendationRows } from './recommendation-rows';

const DIRECTORY_TYPES = new Set<string>([...REGION_EVENT_TYPES, ...CONFERENCE_EVENT_TYPES, ...COMMITTEE_EVENT_TYPES]);
const RECOMMENDATION_TYPES = new Set<string>(RECOMMENDATION_EVENT_TYPES);
// Each type list is complete (everyOf); this checks that the two branches of `apply` cover every
// aggregate's events, so only a newer writer's type can reach the skip at its end.
type Unprojected = Exclude<DomainEvent['type'], DirectoryEvent['type'] | RecommendationEvent['type']>;
const everyTypeProjected: [Unprojected] extends [never] ? true : Unprojected = true;
void everyTypeProjected;

/**
 * One event of a history as kept in memory: the data object as the store delivered it, shared,
 * never copied or changed (the projection's functions are pure). A rebuild keeps every event of
 * the log, so each costs as few objects as possible: the type is the one shared string of its
 * kind, the record time a number.
 */
interface KeptEvent {
  eventId: string;
  type: string;
  data: unknown;
  recordedAt: number;
}

const TYPE_NAMES = new Map([...RECOMMENDATION_TYPES].map((type) => [type, type]));

/** One recommendation stream as far as the projection has seen it. */
interface History {
  streamId: string;
  events: KeptEvent[];
  /** Names of the indicators defined so far, for the sentences of measurements. */
  indicators: Map<string, { name: string; unit: string }>;
  revision: bigint;
  position: bigint;
  /** When the projection last applied an event of it, for evicting the least recently used. */
  used: number;
  /** The sentences' names for this stream; made once, since a batch describes thousands of events. */
  names?: SentenceNames;
}

function keep(history: History, recorded: RecordedEvent): void {
  history.events.push({ eventId: recorded.id, type: TYPE_NAMES.get(recorded.type) ?? recorded.type, data: recorded.data, recordedAt: recorded.recordedAt.getTime() });
  if (recorded.type === 'ImpactIndicatorDefined') {
    const data = recorded.data as { indicatorId: string; name: string; unit: string };
    if (!history.indicators.has(data.indicatorId)) history.indicators.set(data.indicatorId, { name: data.name, unit: data.unit });
  }
}

const unpack = (history: History, kept: KeptEvent): HistoryEvent =>
  ({ eventId: kept.eventId, streamId: history.streamId, type: kept.type, data: kept.data, recordedAt: new Date(kept.recordedAt) }) as HistoryEvent;

export interface ProjectionOptions {
  /** Streams are re-read from the store when their history is not (or no longer) in memory. */
  store: Pick<EventStore, 'readStream'>;
  directory: Directory;
  /** Events kept in memory across recommendation histories; least recently used clean ones go first. */
  historyCapacity: number;
}

export interface BatchOutput {
  timeline: TimelineRow[];
  /** The last change per row. */
  directory: DirectoryChange[];
}

export interface FlushOutput {
  rows: RecommendationRows[];
  /** Recommendation streams without an adoption: no rows (their old rows, if any, must go). */
  empty: string[];
}

export interface Projection {
  /** Applies events in global order to the in-memory state; the recommendations touched become dirty. */
  apply(events: readonly RecordedEvent[]): Promise<BatchOutput>;
  /** Rows of the dirty recommendations (all, or the first `limit`), recomputed from their whole history; they are clean afterwards. */
  flush(limit?: number): FlushOutput;
  readonly dirtyCount: number;
  /** More dirty history in memory than the capacity allows: flush before applying more. */
  readonly needsFlush: boolean;
}

/** The metadata keys the projection reads (timelineRow): its subscriptions ask the store for these only. */
export const PROJECTED_METADATA_KEYS: readonly string[] = ['regionId', 'actor'];

const dateOfRecorded = (event: DomainEvent, recordedAt: Date): string =>
  // Events stored before an `effectiveOn` became required default to the day they were recorded (domain.md).
  (businessDateOf(event) as string | undefined) ?? calendarDateOf(recordedAt);

export function createProjection(options: ProjectionOptions): Projection {
  const { store, directory, historyCapacity } = options;
  const histories = new Map<string, History>();
  const dirty = new Set<string>();
  let held = 0;
  let clock = 0;

  /** Least recently used clean histories go first, down to 90 % of the capacity so this runs seldom. */
  function evictClean(): void {
    if (held <= historyCapacity) return;
    const clean = [...histories.values()].filter((h) => !dirty.has(h.streamId)).sort((a, b) => a.used - b.used);
    for (const history of clean) {
      if (held <= historyCapacity * 0.9) break;
      histories.delete(history.streamId);
      held -= history.events.length;
    }
  }

  /** Appends `recorded` to its history in memory; undefined when the earlier revisions are not there. */
  function appendInMemory(recorded: RecordedEvent): History | undefined {
    const history = histories.get(recorded.streamId);
    if (!history) return undefined;
    if (history.revision >= recorded.revision) return history; // delivered again: already in
    if (history.revision + 1n !== recorded.revision) return undefined;
    keep(history, recorded);
    history.revision = recorded.revision;
    history.position = recorded.position;
    history.used = ++clock;
    held += 1;
    return history;
  }

  /** The history up to and including `recorded`, its earlier revisions read from the store. */
  async function readHistory(recorded: RecordedEvent): Promise<History> {
    const stale = histories.get(recorded.streamId);
    if (stale) held -= stale.events.length;
    const earlier = recorded.revision === 0n ? [] : await store.readStream(recorded.streamId, { toRevision: recorded.revision - 1n });
    const history: History = { streamId: recorded.streamId, events: [], indicators: new Map(), revision: recorded.revision, position: recorded.position, used: ++clock };
    for (const event of [...earlier, recorded]) keep(history, event);
    held += history.events.length;
    histories.set(recorded.streamId, history);
    return history;
  }

  const directoryNames: SentenceNames = {
    committeeName: (id) => directory.committees.get(id)?.name,
    conferenceLabel: (id) => directory.conferences.get(id)?.label,
    indicator: () => undefined,
  };

  const namesOf = (history: History): SentenceNames =>
    (history.names ??= { ...directoryNames, indicator: (indicatorId) => history.indicators.get(indicatorId) });

  /** `stream`: the event's stream up to it (empty for directory events, whose sentences need none). */
  function timelineRow(recorded: RecordedEvent, event: DomainEvent, names: SentenceNames, stream: readonly KeptEvent[]): TimelineRow {
    const metadata = recorded.metadata as { regionId?: string; actor?: Actor };
    const data = event.data as { regionId?: string; recommendationId?: string };
    return {
      event_id: recorded.id,
      position: recorded.position.toString(),
      region_id: data.regionId ?? metadata.regionId ?? '',
      stream_id: recorded.streamId,
      revision: recorded.revision.toString(),
      recommendation_id: RECOMMENDATION_TYPES.has(event.type) ? (data.recommendationId ?? null) : null,
      event_type: event.type,
      business_date: dateOfRecorded(event, recorded.recordedAt),
      recorded_at: recorded.recordedAt,
      actor_user_id: metadata.actor?.userId ?? null,
      actor_role: metadata.actor?.role ?? null,
      on_behalf_of: metadata.actor?.onBehalfOf ?? null,
      sentence: sentenceOf({ eventId: recorded.id, type: event.type, data: event.data }, names, stream, metadata.actor),
      corrects_event_id: event.type === 'EntryCorrected' ? event.data.correctsEventId : null,
    };
  }

  return {
    get needsFlush() {
      return held > historyCapacity && dirty.size > 0;
    },

    async apply(events) {
      const timeline: TimelineRow[] = [];
      const changes = new Map<string, DirectoryChange>();
      for (const recorded of events) {
        const event = { type: recorded.type, data: recorded.data } as DomainEvent;
        if (DIRECTORY_TYPES.has(recorded.type)) {
          // Described before the directory learns it: a rename says from which name.
          timeline.push(timelineRow(recorded, event, directoryNames, []));
          const change = evolveDirectory(directory, event as DirectoryEvent);
          if (change) changes.set(`${change.table}:${Object.values(change.row)[0]}`, change);
        } else if (RECOMMENDATION_TYPES.has(recorded.type)) {
          const history = appendInMemory(recorded) ?? (await readHistory(recorded));
          dirty.add(recorded.streamId);
          timeline.push(timelineRow(recorded, event, namesOf(history), history.events));
        }
        // Events of types this version does not know are skipped: a newer writer's, projected after an upgrade and rebuild.
      }
      evictClean();
      return { timeline, directory: [...changes.values()] };
    },

    get dirtyCount() {
      return dirty.size;
    },

    flush(limit = Infinity) {
      const rows: RecommendationRows[] = [];
      const empty: string[] = [];
      for (const streamId of dirty) {
        if (rows.length + empty.length >= limit) break;
        dirty.delete(streamId);
        const history = histories.get(streamId)!;
        const projected = recommendationRows(
          history.events.map((kept) => unpack(history, kept)),
          history,
        );
        if (projected) rows.push(projected);
        else empty.push(streamId.replace(/^recommendation-/, ''));
      }
      evictClean();
      return { rows, empty };
    },
  };
}
