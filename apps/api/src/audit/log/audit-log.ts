import { businessDateOf, calendarDateOf, type DomainEvent } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { actorOf, createDescriber, type ActorView } from '../history/describe';
import type { ExportLine } from '../offline/export-format';
import { toExportLine } from '../offline/export-format';

/** Filters of the global audit log; every one optional, all must hold. */
export interface AuditLogFilter {
  /** User id of the actor (or of the office acting on a committee's behalf). */
  actor?: string;
  /** Event types, any of them. */
  types?: string[];
  /** A stream id, or a prefix ending in "-" (`recommendation-`: every recommendation stream). */
  stream?: string;
  /** Record time: from (inclusive) … to (exclusive). */
  recordedFrom?: Date;
  recordedTo?: Date;
}

export interface AuditLogEntry extends ExportLine {
  businessDate: string;
  actor: ActorView | null;
  description: string;
}

export interface AuditLogPage {
  items: AuditLogEntry[];
  /** Pass as `cursor` for the next page; null: this was the last. */
  nextCursor: string | null;
  /** Events of the region matching the filter before this page's cursor was applied. */
  total: number;
}

const matches = (f: AuditLogFilter) => (e: RecordedEvent) =>
  (f.actor === undefined || (e.metadata.actor as { userId?: string } | undefined)?.userId === f.actor) &&
  (f.types === undefined || f.types.includes(e.type)) &&
  (f.stream === undefined || (f.stream.endsWith('-') ? e.streamId.startsWith(f.stream) : e.streamId === f.stream)) &&
  (f.recordedFrom === undefined || e.recordedAt.getTime() >= f.recordedFrom.getTime()) &&
  (f.recordedTo === undefined || e.recordedAt.getTime() < f.recordedTo.getTime());

/**
 * One page of a region's events in global order. The cursor is the position of the last event
 * returned: positions are unique, so a page never repeats or skips an event, whatever was appended
 * meanwhile (new events sort after every existing one in global order).
 */
export function auditLogPage(regionEvents: readonly RecordedEvent[], hashes: ReadonlyMap<string, string>, filter: AuditLogFilter, cursor: bigint | undefined, limit: number): AuditLogPage {
  const matching = regionEvents.filter(matches(filter));
  const start = cursor === undefined ? 0 : matching.findIndex((e) => e.position === cursor) + 1;
  const page = start === 0 && cursor !== undefined ? [] : matching.slice(start, start + limit);
  const last = page.at(-1);
  // Names as they stood at each event: every event is learnt in order, only the page's are described.
  const wanted = new Set(page.map((e) => e.id));
  const describer = createDescriber();
  const sentences = new Map<string, { text: string; actor: ActorView | null }>();
  for (const e of regionEvents) {
    if (wanted.has(e.id)) sentences.set(e.id, { actor: actorOf(e.metadata, describer.directory), text: describer.describe(e) });
    else describer.learn(e);
    if (sentences.size === wanted.size) break;
  }
  return {
    items: page.map((e) => ({
      ...toExportLine(e, hashes.get(e.id) ?? ''),
      businessDate: (businessDateOf({ type: e.type, data: e.data } as DomainEvent) as string | undefined) ?? calendarDateOf(e.recordedAt),
      actor: sentences.get(e.id)?.actor ?? null,
      description: sentences.get(e.id)?.text ?? '',
    })),
    nextCursor: last && start + page.length < matching.length ? last.position.toString() : null,
    total: matching.length,
  };
}
