import type { RecordedEvent } from '@app/event-store';
import { FIELD_LABEL, fromRecorded, historyAt, lifecycleOf, recommendationFacts, type HistoricEvent, type Lifecycle, type RecommendationFacts } from '@app/figures';
import type { AuditPoint } from '../offline/region-figures';
import { fieldChangeText, lifecycleChangeText } from './change-text';
import { actorOf, createDescriber, type ActorView } from './describe';

/** One field as it was before an event and after it (amendments and corrections). */
export interface FieldChange {
  field: string;
  /** German field name, e.g. "Berichtsdatum". */
  label: string;
  before: unknown;
  after: unknown;
  /** "Berichtsdatum: 24.10.2026 → 23.10.2026" */
  text: string;
}

/** A correction, shown beside the event it corrects. */
export interface CorrectionNote {
  eventId: string;
  revision: string;
  recordedAt: string;
  actor: ActorView | null;
  reason: string;
  changes: FieldChange[];
}

export interface HistoryEntry {
  eventId: string;
  revision: string;
  position: string;
  type: string;
  /** The one date `asOf` filters on, after corrections. */
  businessDate: string;
  /** Record time (the `knownAt` axis). */
  recordedAt: string;
  actor: ActorView | null;
  /** What happened, in German, as corrected. */
  description: string;
  /** What the event changed: fields (amendments, corrections) and the derived lifecycle state. */
  changes: FieldChange[];
  lifecycle: { before: Lifecycle['state'] | null; after: Lifecycle['state'] | null };
  /** What changed, in plain German: each field, then the lifecycle state if it moved. Empty: nothing visible changed. */
  changed: string[];
  /** When corrections known at the point apply to this event: the sentence as first recorded and each correction. */
  original?: { description: string; data: unknown };
  corrections: CorrectionNote[];
  /** On an `EntryCorrected`: the event it corrects. */
  corrects?: { eventId: string; revision: string | null; type: string | null };
}

export interface RecommendationHistory {
  recommendationId: string;
  asOf: string;
  knownAt: string | null;
  /** Revision of the last event known at `knownAt` (whatever its business date). */
  revision: string | null;
  /** Facts and lifecycle at the point; null when not yet adopted at it. */
  state: { facts: RecommendationFacts; lifecycle: Lifecycle } | null;
  entries: HistoryEntry[];
}

const AMENDABLE = ['title', 'text', 'fieldsOfAction'] as const;
const change = (field: string, before: unknown, after: unknown): FieldChange => {
  const label = FIELD_LABEL[field] ?? field;
  return { field, label, before: before ?? null, after, text: fieldChangeText(label, before, after) };
};

/**
 * The audit history of one recommendation at a point on both axes: events known at `knownAt`, dated
 * by `asOf`, corrections applied the way the figures apply them (historyAt), each with who recorded
 * it when, what it changed, and its corrections beside it. `directoryEvents` (the region's
 * conference and committee events) give the names; they are cut at `knownAt` too.
 */
export function recommendationHistory(recommendationId: string, streamEvents: readonly RecordedEvent[], directoryEvents: readonly RecordedEvent[], point: AuditPoint): RecommendationHistory {
  const known = (e: RecordedEvent) => point.knownAt === undefined || e.recordedAt.getTime() <= point.knownAt.getTime();
  const stream = streamEvents.filter(known);
  const describer = createDescriber();
  for (const e of directoryEvents.filter(known)) describer.learn(e);
  const byId = new Map(stream.map((e) => [e.id, e]));

  const historic: HistoricEvent[] = historyAt(stream.map(fromRecorded), point);
  const shown = new Map(historic.map((h) => [h.eventId, h]));

  // Corrections in stream order: each one's "before" is the target as the earlier corrections left it.
  const corrections = new Map<string, CorrectionNote[]>();
  const current = new Map<string, Record<string, unknown>>();
  for (const e of stream) {
    if (e.type !== 'EntryCorrected') continue;
    const data = e.data as { correctsEventId: string; reason: string; correctedFields: Record<string, unknown> };
    const target = byId.get(data.correctsEventId);
    if (!target || target.type === 'EntryCorrected') continue;
    const before = current.get(target.id) ?? { ...(target.data as Record<string, unknown>) };
    const changes = Object.entries(data.correctedFields).map(([field, after]) => change(field, before[field], after));
    current.set(target.id, { ...before, ...data.correctedFields });
    corrections.set(target.id, [
      ...(corrections.get(target.id) ?? []),
      { eventId: e.id, revision: e.revision.toString(), recordedAt: e.recordedAt.toISOString(), actor: actorOf(e.metadata, describer.directory), reason: data.reason, changes },
    ]);
  }

  const entries: HistoryEntry[] = [];
  const texts: Record<string, unknown> = {};
  const upTo: HistoricEvent[] = [];
  let lifecycle: Lifecycle['state'] | null = null;
  for (const recorded of stream) {
    const event = shown.get(recorded.id);
    if (!event) {
      describer.learn(recorded);
      continue;
    }
    upTo.push(event);
    const facts = recommendationFacts(upTo, point.asOf);
    const after = facts ? lifecycleOf(facts, point.asOf).state : null;
    const data = event.data as Record<string, unknown>;
    const changes: FieldChange[] = [];
    if (event.type === 'RecommendationAdopted') for (const f of AMENDABLE) texts[f] = data[f];
    if (event.type === 'RecommendationAmended') {
      for (const f of AMENDABLE) {
        if (data[f] === undefined) continue;
        changes.push(change(f, texts[f], data[f]));
        texts[f] = data[f];
      }
    }
    const notes = corrections.get(recorded.id) ?? [];
    if (event.type === 'EntryCorrected') changes.push(...(corrections.get((data as { correctsEventId: string }).correctsEventId)?.find((n) => n.eventId === recorded.id)?.changes ?? []));
    const description = describer.describe(recorded, event.original ? event.data : undefined);
    const target = event.type === 'EntryCorrected' ? byId.get((data as { correctsEventId: string }).correctsEventId) : undefined;
    entries.push({
      eventId: recorded.id,
      revision: recorded.revision.toString(),
      position: recorded.position.toString(),
      type: recorded.type,
      businessDate: event.businessDate,
      recordedAt: recorded.recordedAt.toISOString(),
      actor: actorOf(recorded.metadata, describer.directory),
      description,
      changes,
      lifecycle: { before: lifecycle, after },
      changed: [...changes.map((c) => c.text), lifecycleChangeText(lifecycle, after)].filter((t): t is string => t !== undefined),
      ...(event.original ? { original: { description: originalSentence(recorded), data: event.original } } : {}),
      corrections: event.original ? notes : [],
      ...(event.type === 'EntryCorrected'
        ? { corrects: { eventId: (data as { correctsEventId: string }).correctsEventId, revision: target?.revision.toString() ?? null, type: target?.type ?? null } }
        : {}),
    });
    lifecycle = after;
  }

  const facts = recommendationFacts(historic, point.asOf);
  return {
    recommendationId,
    asOf: point.asOf,
    knownAt: point.knownAt?.toISOString() ?? null,
    revision: stream.at(-1)?.revision.toString() ?? null,
    state: facts ? { facts, lifecycle: lifecycleOf(facts, point.asOf) } : null,
    entries,
  };

  function originalSentence(recorded: RecordedEvent): string {
    // A fresh describer over the same names: the original wording, without marking the event as seen.
    const plain = createDescriber();
    for (const e of directoryEvents.filter(known)) plain.learn(e);
    for (const e of stream) {
      if (e.id === recorded.id) break;
      plain.learn(e);
    }
    return plain.describe(recorded);
  }
}
