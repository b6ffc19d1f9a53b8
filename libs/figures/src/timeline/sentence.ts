import {
  COMMITTEE_EVENT_TYPES,
  CONFERENCE_EVENT_TYPES,
  RECOMMENDATION_EVENT_TYPES,
  REGION_EVENT_TYPES,
  type Actor,
  type CorrectableEventType,
  type DomainEvent,
} from '@app/domain';
import { describeEvent, onBehalfSuffix, type DescribeContext } from './describe-event';

/** An event of a stream as far as sentences need it. */
export interface StreamEvent {
  eventId: string;
  type: string;
  data: unknown;
}

/** The names a sentence reads: as they stood just before the event (a rename says from what). */
export type SentenceNames = Pick<DescribeContext, 'committeeName' | 'conferenceLabel' | 'indicator'>;

const KNOWN_TYPES = new Set<string>([...REGION_EVENT_TYPES, ...CONFERENCE_EVENT_TYPES, ...COMMITTEE_EVENT_TYPES, ...RECOMMENDATION_EVENT_TYPES]);

/**
 * The entry a correction corrects, as the stream's earlier corrections left it: the "from" of its
 * sentence. Undefined when the entry is not among `stream` or is itself a correction (corrections
 * are not corrected). Scans `stream` up to the correction only; corrections are rare.
 */
export function correctedEntry(stream: Iterable<StreamEvent>, correction: StreamEvent): DescribeContext['corrected'] {
  const targetId = (correction.data as { correctsEventId?: string }).correctsEventId;
  let entry: { type: CorrectableEventType; data: Record<string, unknown> } | undefined;
  for (const event of stream) {
    if (event.eventId === correction.eventId) break;
    if (event.eventId === targetId && event.type !== 'EntryCorrected') {
      entry = { type: event.type as CorrectableEventType, data: event.data as Record<string, unknown> };
    } else if (entry && event.type === 'EntryCorrected') {
      const earlier = event.data as { correctsEventId: string; correctedFields: Record<string, unknown> };
      if (earlier.correctsEventId === targetId) entry = { ...entry, data: { ...entry.data, ...earlier.correctedFields } };
    }
  }
  return entry;
}

/**
 * The one way an event becomes its German sentence (timeline, recommendation page, audit): a
 * correction names the entry it corrects and each value from what to what, an entry the office
 * made in a committee's name says so, and an event of a type this version does not know (a newer
 * writer's) gets a neutral sentence. `stream` is the event's stream up to it, in order; `names`
 * stand as just before the event.
 */
export function sentenceOf(event: StreamEvent, names: SentenceNames, stream: Iterable<StreamEvent> = [], actor?: Pick<Actor, 'onBehalfOf'>): string {
  if (!KNOWN_TYPES.has(event.type)) return `Ereignis ${event.type} (von dieser Version nicht beschrieben).`;
  const known = { type: event.type, data: event.data } as DomainEvent;
  // Most events need the names only; a rebuild describes millions, so no context object is copied for them.
  let ctx: DescribeContext = names;
  if (known.type === 'EntryCorrected') ctx = { ...names, corrected: correctedEntry(stream, event) };
  if (known.type === 'CommitteeRenamed') {
    const before = names.committeeName(known.data.committeeId);
    if (before !== undefined) ctx = { ...names, committeeBefore: { name: before } };
  }
  return describeEvent(known, ctx) + onBehalfSuffix(actor, names);
}

/** An entry of the recommendation page with its corrections beside it. */
export interface EntrySentences {
  /** As first recorded. */
  sentence: string;
  /** When corrected: how it reads with its corrections applied. */
  correctedSentence?: string;
  /** Each correction's own sentence, in the order recorded. */
  corrections: { eventId: string; sentence: string }[];
}

/**
 * The sentences of one entry (`data` as corrected, `original` as first recorded, `correctedBy` its
 * corrections) against its stream as recorded; `actorOf` says who recorded an event of it.
 */
export function entrySentences(
  entry: StreamEvent & { original?: unknown; correctedBy?: readonly string[] },
  names: SentenceNames,
  stream: readonly StreamEvent[],
  actorOf: (eventId: string) => Pick<Actor, 'onBehalfOf'> | undefined,
): EntrySentences {
  const actor = actorOf(entry.eventId);
  const asRecorded = { ...entry, data: entry.original ?? entry.data };
  const corrections = (entry.correctedBy ?? []).flatMap((id) => {
    const correction = stream.find((e) => e.eventId === id);
    return correction ? [{ eventId: id, sentence: sentenceOf(correction, names, stream, actorOf(id)) }] : [];
  });
  return {
    sentence: sentenceOf(asRecorded, names, stream, actor),
    ...(entry.correctedBy ? { correctedSentence: sentenceOf(entry, names, stream, actor) } : {}),
    corrections,
  };
}
