/**
 * The event store port. Two adapters implement it (postgres/, eventstoredb/); nothing outside them
 * knows which one runs. Revisions and positions are bigint because EventStoreDB's are.
 */

/** `any`: no check; `no_stream`: the stream must not exist; `stream_exists`: it must; a bigint: its last revision must be exactly this. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

export type EventMetadata = Record<string, unknown>;

export interface EventToAppend<Type extends string = string, Data = unknown> {
  /**
   * uuid. Appending the same ids again at the same exact expected revision (or `no_stream`) is an
   * idempotent retry in every store. With `any` / `stream_exists` PostgreSQL recognises a retry
   * always, EventStoreDB only while the ids are in its cache (otherwise it writes them again), so a
   * writer that must write once appends at an exact revision (the command pipeline does). Ids must be
   * unique in the whole store: PostgreSQL refuses one used by another stream (EventIdInUseError),
   * EventStoreDB writes it.
   */
  id: string;
  type: Type;
  data: Data;
  metadata: EventMetadata;
}

export interface RecordedEvent<Type extends string = string, Data = unknown> {
  id: string;
  streamId: string;
  /** 0-based position of the event in its stream. */
  revision: bigint;
  /**
   * Identifies the event in the global log of readAll/subscribe (the checkpoint to resume after).
   * Compare positions for equality only: PostgreSQL delivers in commit order, which can differ from
   * the numeric order of positions handed out at insert.
   */
  position: bigint;
  type: Type;
  data: Data;
  metadata: EventMetadata;
  /**
   * Record time, set by the store's clock. PostgreSQL never lets it go back within a stream;
   * EventStoreDB takes its server's clock, which may. `recordedBefore` filters by it in both.
   */
  recordedAt: Date;
}

export interface AppendResult {
  /** The stream's last revision after the append: the value to expect next time. */
  nextExpectedRevision: bigint;
  /** Global position of the last event appended. */
  position: bigint;
  /**
   * True when every event was in the stream already (an idempotent retry): nothing was written and
   * the result is the earlier append's. Left out by stores that cannot tell (EventStoreDB).
   */
  alreadyWritten?: boolean;
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** Inclusive; forwards defaults to 0, backwards to the end. */
  fromRevision?: bigint;
  /** Inclusive upper (forwards) or lower (backwards) bound. */
  toRevision?: bigint;
  /** Only events recorded strictly before this instant (the `knownAt` axis). */
  recordedBefore?: Date;
  maxCount?: number;
}

/** How many events one `readAll` returns when the caller names no limit: a page, never the whole log. */
export const READ_ALL_DEFAULT_LIMIT = 1000;

export interface ReadAllOptions {
  /**
   * Exclusive: events after this position; undefined starts at the beginning. A position that is no
   * event's is refused with UnknownPositionError (a checkpoint from another store or a typo would
   * otherwise skip or repeat events without a word).
   */
  fromPosition?: bigint;
  /** At most this many events; READ_ALL_DEFAULT_LIMIT when not given. */
  limit?: number;
  /** Only streams whose id starts with one of these prefixes, e.g. `recommendation-`. */
  streamPrefixes?: string[];
}

/**
 * A set of streams: named by id, or by their first event, whose data has `key` equal to `value`
 * (a region's streams: every first event of region, conference, committee and recommendation
 * names its region, so `{ key: 'regionId', value }`).
 */
export type StreamSet = { streamIds: readonly string[] } | { key: string; value: string };

export interface ReadLogOptions {
  streams: StreamSet;
  /** Inclusive: through the event at this position. One that is no event's: UnknownPositionError. */
  toPosition?: bigint;
  /** Only events recorded strictly before this instant. */
  recordedBefore?: Date;
  /** Also each event's chain hash (see LogRead.hashes). */
  withHashes?: boolean;
}

export interface LogRead {
  /** The set's events in global order. */
  events: RecordedEvent[];
  /**
   * Chain hash (hex) by event id when asked for, else empty: `chainHash` over the stream from
   * revision 0. PostgreSQL returns the stored hash; EventStoreDB keeps no chain and computes it.
   */
  hashes: ReadonlyMap<string, string>;
}

/** What verifying the chains of a set of streams needs, read at one point in time. */
export interface ChainData {
  /** The set's events, stream by stream, each stream in revision order (the order of streams is unspecified). */
  events: RecordedEvent[];
  /** Chain hash (hex) by event id: stored (PostgreSQL) or computed (EventStoreDB, which keeps no chain). */
  hashes: ReadonlyMap<string, string>;
  /** Each stream's head as the store records it apart from its events (PostgreSQL's `streams` table); computed for EventStoreDB. */
  heads: ReadonlyMap<string, { revision: bigint; hash: string }>;
  /**
   * True when the store keeps the chain itself (hashes and heads written at append: PostgreSQL), so
   * recomputing it detects edits. False: computed just now from the events (EventStoreDB), which
   * can prove nothing about them.
   */
  kept: boolean;
}

export interface SubscribeOptions {
  /** Exclusive checkpoint: the position of the last event already handled. */
  fromPosition?: bigint;
  streamPrefixes?: string[];
  /** Events per handler call while catching up. */
  batchSize?: number;
  /**
   * The metadata keys the handler reads. A store may then leave the other keys out (PostgreSQL
   * does; EventStoreDB delivers each event's metadata whole), and keys missing or null in an event
   * may be left out too. All of it when not given.
   */
  metadataKeys?: readonly string[];
  /**
   * Called once when the handler (or the store) fails: the subscription stops. Before `caughtUp`
   * resolves the failure also rejects it, and `stop()` rejects with it afterwards.
   */
  onError?: (error: unknown) => void;
}

export interface Subscription {
  /** Resolves once the subscription has caught up with the head and is live. */
  readonly caughtUp: Promise<void>;
  stop(): Promise<void>;
}

/** Called with events in global order; the next batch waits until the promise resolves. */
export type BatchHandler = (events: RecordedEvent[]) => Promise<void>;

export interface EventStore {
  /**
   * Checks the expected revision and appends atomically. Every event is checked first (uuid id,
   * non-empty type, JSON data and object metadata, kept as JSON keeps them: undefined data as null,
   * undefined members left out): one that fails rejects the whole append with InvalidEventError and
   * nothing is written. An empty list writes nothing and only checks the expected revision
   * (`nextExpectedRevision` -1n for a missing stream).
   */
  append(streamId: string, events: EventToAppend[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult>;
  /** Missing stream: an empty list. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Last revision of a stream, or undefined if it does not exist. */
  streamRevision(streamId: string): Promise<bigint | undefined>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * Catch-up subscription: replays from the checkpoint, then goes live; never skips an event that
   * commits late. A checkpoint that is no event's position fails it (UnknownPositionError), as does,
   * for EventStoreDB, a server older than 23.10 (UnsupportedServerError).
   */
  subscribe(handler: BatchHandler, options?: SubscribeOptions): Subscription;
  /** The events of a set of streams (e.g. one region's) in global order, cut at a position or a record time. */
  readLog(options: ReadLogOptions): Promise<LogRead>;
  /** The events, hashes and heads of a set of streams, for recomputing their chains (audit verify). */
  readChains(streams: StreamSet): Promise<ChainData>;
  /** Position of the newest event in global order (0n-based; undefined when empty), for lag. */
  headPosition(): Promise<bigint | undefined>;
  close(): Promise<void>;
}

/** Hash-chain verification; only stores that keep one (PostgreSQL) offer it. */
export interface VerifiableEventStore extends EventStore {
  verify(options?: { streamId?: string }): Promise<VerifyReport>;
}

export type VerifyReport =
  | { ok: true; streams: number; events: number; heads: Record<string, string> }
  | { ok: false; streams: number; events: number; firstBroken: { streamId: string; revision: bigint; eventId: string; position: bigint; expectedHash: string; storedHash: string } };

export function isVerifiable(store: EventStore): store is VerifiableEventStore {
  return typeof (store as Partial<VerifiableEventStore>).verify === 'function';
}
