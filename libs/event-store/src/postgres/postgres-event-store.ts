import { EventEmitter } from 'node:events';
import type { Pool } from 'pg';
import { survivingPool } from '@app/postgres';
import {
  READ_ALL_DEFAULT_LIMIT,
  type AppendResult,
  type BatchHandler,
  type ChainData,
  type LogRead,
  type ReadLogOptions,
  type StreamSet,
  type EventToAppend,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type Subscription,
  type VerifiableEventStore,
  type VerifyReport,
} from '../event-store';
import { WrongExpectedRevisionError } from '../errors';
import { AppendListener } from './listener';
import { AppendConflict, appendLocked } from './append';
import { matches } from '../expected-revision';
import { appendAtKnownHead } from './fast-append';
import type { StreamHead } from './prepare';
import { cursorOf, headPosition, readPage } from './read-all';
import { readChains, readLog } from './read-log';
import { readStream, streamRevision } from './read-stream';
import { resolveConflict } from './resolve-conflict';
import { APPENDED_CHANNEL } from './schema';
import { subscribe, type PostgresSubscribeOptions } from './subscribe';
import { verifyChains } from './verify';

export interface PostgresEventStoreOptions {
  url: string;
  /** Pool size; appends hold a connection for their transaction only. */
  maxConnections?: number;
  /** Send a NOTIFY after commits so subscribers in other processes wake at once (they poll anyway). */
  notify?: boolean;
}

/** The PostgreSQL adapter; expects `migrateEventStore(url)` to have run. */
export class PostgresEventStore implements VerifiableEventStore {
  private readonly pool: Pool;
  private readonly appended = new EventEmitter();
  private readonly notify: boolean;
  /** The NOTIFY planned for the end of the current gap, if any. */
  private notifyTimer: NodeJS.Timeout | undefined;
  private lastNotifyAt = 0;
  private readonly listener: AppendListener;
  /**
   * Heads of streams this store wrote last or read whole, for the one-statement append; a stale entry
   * costs one statement that writes nothing before the locking path.
   */
  private readonly heads = new Map<string, StreamHead>();

  constructor(options: PostgresEventStoreOptions) {
    // A client that loses its connection must not crash the process; the next query reconnects.
    this.pool = survivingPool({ connectionString: options.url, max: options.maxConnections ?? 10 });
    this.notify = options.notify ?? true;
    this.appended.setMaxListeners(0);
    this.listener = new AppendListener(options.url, () => this.appended.emit('appended'));
  }

  async append(streamId: string, events: EventToAppend[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult> {
    const expected = options.expectedRevision;
    if (events.length === 0) return this.appendNothing(streamId, expected);
    const known = this.heads.get(streamId);
    if (expected === 'no_stream' || (known && matches(expected, known.revision))) {
      const done = await appendAtKnownHead(this.pool, streamId, events, expected === 'no_stream' ? undefined : known, () => new Date()).catch(
        (error: unknown) => {
          if (isUniqueViolation(error)) return undefined;
          throw error;
        },
      );
      if (done) return this.appended_(streamId, done);
      // Only the head this append used: another append may have stored a newer one meanwhile.
      if (this.heads.get(streamId) === known) this.heads.delete(streamId);
      // The caller expected the very head this store knew, and the stream moved past it: a conflict
      // or a duplicate of an append already made, which the lock would not change. Decided from the
      // events' ids and the head as it stands, without BEGIN / SELECT … FOR UPDATE / ROLLBACK.
      if (known && expected === known.revision) {
        const actual = await streamRevision(this.pool, streamId);
        return resolveConflict(this.pool, streamId, events, expected, actual ?? 'no_stream');
      }
    }
    return this.appendWithLock(streamId, events, expected);
  }

  private async appendWithLock(streamId: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    const client = await this.pool.connect();
    let done: { result: AppendResult; head: StreamHead };
    try {
      await client.query('BEGIN');
      done = await appendLocked(client, streamId, events, expected, () => new Date());
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
      if (error instanceof AppendConflict) return resolveConflict(this.pool, streamId, events, expected, error.actual);
      throw error;
    }
    client.release();
    return this.appended_(streamId, done);
  }

  private appended_(streamId: string, done: { result: AppendResult; head: StreamHead }): AppendResult {
    this.remember(streamId, done.head);
    this.announce();
    return done.result;
  }

  private remember(streamId: string, head: StreamHead): void {
    if (this.heads.size >= 10_000 && !this.heads.has(streamId)) this.heads.clear();
    this.heads.set(streamId, head);
  }

  /** The pool's connections now: in use or idle, and requests waiting for one (for metrics). */
  connections(): { total: number; idle: number; waiting: number } {
    return { total: this.pool.totalCount, idle: this.pool.idleCount, waiting: this.pool.waitingCount };
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return readStream(this.pool, streamId, options, (head) => this.remember(streamId, head));
  }

  streamRevision(streamId: string): Promise<bigint | undefined> {
    return streamRevision(this.pool, streamId);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const cursor = await cursorOf(this.pool, options.fromPosition);
    const page = await readPage(this.pool, cursor, options.limit ?? READ_ALL_DEFAULT_LIMIT, { streamPrefixes: options.streamPrefixes });
    return page.events;
  }

  subscribe(handler: BatchHandler, options?: PostgresSubscribeOptions): Subscription {
    this.listener.ensureStarted();
    return subscribe(this.pool, { onAppended: (l) => this.onAppended(l) }, handler, options);
  }

  readLog(options: ReadLogOptions): Promise<LogRead> {
    return readLog(this.pool, options);
  }

  readChains(streams: StreamSet): Promise<ChainData> {
    return readChains(this.pool, streams);
  }

  headPosition(): Promise<bigint | undefined> {
    return headPosition(this.pool);
  }

  /** Verifies inside one REPEATABLE READ snapshot so concurrent appends cannot look like breaks. */
  async verify(options: { streamId?: string } = {}): Promise<VerifyReport> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const report = await verifyChains(client, options.streamId);
      await client.query('COMMIT');
      return report;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    clearTimeout(this.notifyTimer);
    this.notifyTimer = undefined;
    this.appended.removeAllListeners();
    await this.listener.close();
    await this.pool.end();
  }

  private async appendNothing(streamId: string, expected: ExpectedRevision): Promise<AppendResult> {
    const revision = await this.streamRevision(streamId);
    const actual = revision ?? 'no_stream';
    if (!matches(expected, actual)) throw new WrongExpectedRevisionError(streamId, expected, actual);
    return { nextExpectedRevision: revision ?? -1n, position: (await this.headPosition()) ?? -1n };
  }

  private onAppended(listener: () => void): () => void {
    this.appended.on('appended', listener);
    return () => this.appended.off('appended', listener);
  }

  /**
   * Wakes local subscribers at once, and other processes through one NOTIFY per NOTIFY_GAP_MS at
   * most: a NOTIFY inside every append transaction would serialise all commits on the notification
   * queue lock, and one per append was a statement for every second command under load. Other
   * processes poll anyway; the gap only delays their wake-up by a few milliseconds.
   */
  private announce(): void {
    this.appended.emit('appended');
    if (!this.notify || this.notifyTimer) return;
    const wait = Math.max(0, this.lastNotifyAt + NOTIFY_GAP_MS - Date.now());
    this.notifyTimer = setTimeout(() => {
      this.notifyTimer = undefined;
      this.lastNotifyAt = Date.now();
      this.pool.query(`SELECT pg_notify($1, '')`, [APPENDED_CHANNEL]).catch(() => undefined);
    }, wait);
  }
}

/** The shortest time between two NOTIFYs of one store. */
const NOTIFY_GAP_MS = 20;

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | undefined)?.code === '23505';
}
