import type { Pool, PoolClient } from 'pg';
import type { EventStore, RecordedEvent, Subscription } from '@app/event-store';
import { READ_MODEL_SCHEMA } from '../tables/schema';
import { CheckpointMovedError, loadDirectory, lockCheckpoint, readCheckpoint, writeCheckpoint, type Checkpoint } from './checkpoint';
import { createProjection, PROJECTED_METADATA_KEYS, type Projection } from './projection';
import { ReadModelSink } from './sink';

export interface ProjectorOptions {
  store: EventStore;
  /** The read models' database. */
  pool: Pool;
  schema?: string;
  batchSize?: number;
  /** Events of recommendation histories kept in memory between batches. */
  historyCapacity?: number;
  /**
   * After a batch of several events but less than a page (appends arriving faster than batches
   * commit), wait this long before reading the next, so it gathers more (default 20 ms). A single
   * event, as interactive use writes them, is followed at once; 0 turns the wait off.
   */
  gatherMs?: number;
  /** Wait before starting again after a failed batch; doubled for every further failure in a row. */
  retryDelayMs?: number;
  /** The longest wait between attempts while the failures go on (the database being away). */
  maxRetryDelayMs?: number;
  /** How often a standby projector tries to take the lead. */
  standbyPollMs?: number;
  log?: (message: string) => void;
}

export interface ProjectorStatus {
  /** Another projector holds the lead; this one waits to take over. */
  standby: boolean;
  /** The checkpoint this process last committed (or found). */
  position: bigint | undefined;
  events: bigint;
  batches: number;
  caughtUp: boolean;
  restarts: number;
  lastError?: string;
}

export interface RunningProjector {
  /** Resolves once the first subscription has caught up with the head. */
  readonly caughtUp: Promise<void>;
  status(): ProjectorStatus;
  stop(): Promise<void>;
}

/**
 * The live projector: a catch-up subscription from the stored checkpoint. Each batch's read-model
 * changes and the new checkpoint are written in ONE transaction that first locks the checkpoint row
 * and checks it still holds the position this projector started the batch from. Delivery is at
 * least once (after a crash the batch comes again from the stored checkpoint); the effect is exactly
 * once. A failed batch (or a checkpoint moved by another projector or a rebuild swapped in) throws
 * away all in-memory state and subscribes again from the stored checkpoint.
 */
export function startProjector(options: ProjectorOptions): RunningProjector {
  const { store, pool } = options;
  const schema = options.schema ?? READ_MODEL_SCHEMA;
  const batchSize = options.batchSize ?? 500;
  const historyCapacity = options.historyCapacity ?? 200_000;
  const gatherMs = options.gatherMs ?? 20;
  const retryDelayMs = options.retryDelayMs ?? 1000;
  const maxRetryDelayMs = options.maxRetryDelayMs ?? 8000;
  /** Failures since the last committed batch or catch-up: the back-off grows with them. */
  let failuresInARow = 0;
  const standbyPollMs = options.standbyPollMs ?? 1000;
  const log = options.log ?? (() => undefined);
  const sink = new ReadModelSink(schema);

  const status: ProjectorStatus = { standby: true, position: undefined, events: 0n, batches: 0, caughtUp: false, restarts: 0 };
  let generation = 0;
  let stopped = false;
  let subscription: Subscription | undefined;
  let retry: NodeJS.Timeout | undefined;
  let leadership: PoolClient | undefined;
  let markCaughtUp!: () => void;
  const caughtUp = new Promise<void>((resolve) => (markCaughtUp = resolve));

  async function applyBatch(projection: Projection, expected: Checkpoint, events: readonly RecordedEvent[]): Promise<Checkpoint> {
    const output = await projection.apply(events);
    const flushed = projection.flush();
    const client = await pool.connect();
    try {
      // The batch does not wait for its WAL to reach the disk: read models follow from the log, and
      // the checkpoint commits with them, so a batch a crash loses is simply applied again. The
      // commands' appends then have the disk's flushes to themselves (docs/command-path.md).
      await client.query('BEGIN; SET LOCAL synchronous_commit = off');
      const current = await lockCheckpoint(client, schema);
      if (current.position !== expected.position) throw new CheckpointMovedError(expected.position, current.position);
      await sink.writeDirectory(client, output.directory);
      await sink.writeTimeline(client, output.timeline);
      await sink.writeRecommendations(client, flushed);
      const next: Checkpoint = { position: events[events.length - 1].position, events: current.events + BigInt(events.length) };
      await writeCheckpoint(client, schema, next);
      await client.query('COMMIT');
      return next;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  function fail(gen: number, error: unknown): void {
    if (gen !== generation || stopped) return;
    generation++;
    status.restarts++;
    status.lastError = error instanceof Error ? error.message : String(error);
    const delay = error instanceof CheckpointMovedError ? 0 : Math.min(retryDelayMs * 2 ** failuresInARow++, maxRetryDelayMs);
    log(`Projektor: Neustart ab gespeichertem Stand in ${delay} ms (${status.lastError})`);
    const old = subscription;
    subscription = undefined;
    if (!(error instanceof CheckpointMovedError) && leadership) {
      // The lock's connection may be the broken thing; give the lead up and compete for it again.
      leadership.release(true);
      leadership = undefined;
    }
    retry = setTimeout(() => {
      retry = undefined;
      void (old?.stop().catch(() => undefined) ?? Promise.resolve()).then(() => start());
    }, delay);
  }

  /**
   * One projector leads at a time (a session advisory lock, released by PostgreSQL when its
   * connection goes, also when the process is killed); others stand by and take over. The lock
   * only saves work: correctness rests on the checkpoint check in every batch.
   */
  async function lead(): Promise<boolean> {
    if (leadership) return true;
    const client = await pool.connect();
    // Losing the lock's connection loses the lead: start over and compete for it again, rather than
    // go on leading without a lock while another projector takes it.
    client.on('error', (error: Error) => {
      if (leadership === client) fail(generation, error);
    });
    let locked: boolean;
    try {
      ({ locked } = (await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(hashtext($1)) AS locked`, [`projector:${schema}`])).rows[0]);
    } catch (error) {
      client.release(true);
      throw error;
    }
    if (!locked) {
      client.release();
      return false;
    }
    leadership = client;
    return true;
  }

  let starting: Promise<void> = Promise.resolve();
  function start(): Promise<void> {
    starting = begin();
    return starting;
  }

  async function begin(): Promise<void> {
    if (stopped) return;
    const gen = ++generation;
    try {
      if (!(await lead())) {
        status.standby = true;
        retry = setTimeout(() => void start(), standbyPollMs);
        return;
      }
      if (stopped) return;
      status.standby = false;
      let expected = await readCheckpoint(pool, schema);
      const projection = createProjection({ store, directory: await loadDirectory(pool, schema), historyCapacity });
      status.position = expected.position;
      status.events = expected.events;
      const handler = async (events: RecordedEvent[]) => {
        if (gen !== generation || stopped) return;
        // At least once: a batch may start with the event the checkpoint already holds.
        const fresh = expected.position === undefined ? events : events.slice(events.findIndex((e) => e.position === expected.position) + 1);
        if (fresh.length === 0) return;
        try {
          expected = await applyBatch(projection, expected, fresh);
          status.position = expected.position;
          status.events = expected.events;
          status.batches++;
          failuresInARow = 0;
        } catch (error) {
          fail(gen, error);
          return;
        }
        // Under command load every batch costs its statements and a share of the event loop the
        // commands need, whatever its size: a short wait lets the next one carry more. A full page
        // (catching up) or a lone event (interactive use) goes on at once.
        if (gatherMs > 0 && fresh.length > 1 && events.length < batchSize && !stopped) await new Promise((resolve) => setTimeout(resolve, gatherMs));
      };
      const subscribeOptions = {
        fromPosition: expected.position,
        batchSize,
        metadataKeys: PROJECTED_METADATA_KEYS,
        onError: (error: unknown) => fail(gen, error),
      };
      subscription = store.subscribe(handler, subscribeOptions);
      subscription.caughtUp.then(
        () => {
          if (gen !== generation) return;
          status.caughtUp = true;
          failuresInARow = 0;
          markCaughtUp();
        },
        (error: unknown) => fail(gen, error),
      );
    } catch (error) {
      fail(gen, error);
    }
  }

  void start();

  return {
    caughtUp,
    status: () => ({ ...status }),
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      await starting.catch(() => undefined);
      await subscription?.stop().catch(() => undefined);
      if (leadership) {
        await leadership.query('SELECT pg_advisory_unlock_all()').catch(() => undefined);
        leadership.release();
        leadership = undefined;
      }
    },
  };
}
