import { EventStoreDBClient, convertToCommandError } from '@eventstore/db-client';
import { scanChains, scanLog } from '../scan-log';
import type {
  AppendResult,
  ChainData,
  LogRead,
  ReadLogOptions,
  StreamSet,
  BatchHandler,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  Subscription,
} from '../event-store';
import { appendToStream } from './append';
import { headPosition, readAll, readStream, requireEventPosition, streamRevision } from './read';
import { UnsupportedServerError, unsupportedServer } from './server-version';
import { subscribeToAll, type EventStoreDbSubscribeOptions } from './subscribe';

/**
 * The EventStoreDB adapter of the event store port (server >= 23.10). Positions are $all commit
 * positions; mapping.ts explains why that single number is exact.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly subscriptions = new Set<Subscription>();
  private supported: Promise<void> | undefined;

  constructor(private readonly client: EventStoreDBClient) {}

  /**
   * Fails with UnsupportedServerError on a server older than 23.10 (see server-version.ts). Asked
   * once; a failure to ask (server unreachable) is asked again next time.
   */
  requireSupportedServer(): Promise<void> {
    this.supported ??= serverVersionOf(this.client).then((reported) => {
      const problem = unsupportedServer(reported);
      if (problem) throw new UnsupportedServerError(problem);
    });
    this.supported.catch((error: unknown) => {
      if (!(error instanceof UnsupportedServerError)) this.supported = undefined;
    });
    return this.supported;
  }

  append(streamId: string, events: EventToAppend[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult> {
    return appendToStream(this.client, streamId, events, options.expectedRevision);
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return readStream(this.client, streamId, options);
  }

  streamRevision(streamId: string): Promise<bigint | undefined> {
    return streamRevision(this.client, streamId);
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return readAll(this.client, options);
  }

  subscribe(handler: BatchHandler, options?: EventStoreDbSubscribeOptions): Subscription {
    const ready = this.requireSupportedServer().then(() => requireEventPosition(this.client, options?.fromPosition));
    const subscription = subscribeToAll(this.client, handler, options, ready);
    const tracked: Subscription = {
      caughtUp: subscription.caughtUp,
      stop: async () => {
        this.subscriptions.delete(tracked);
        await subscription.stop();
      },
    };
    this.subscriptions.add(tracked);
    return tracked;
  }

  /** EventStoreDB has no query for it: the streams are read whole (scan-log.ts), hashes computed. */
  readLog(options: ReadLogOptions): Promise<LogRead> {
    return scanLog(this, options);
  }

  readChains(streams: StreamSet): Promise<ChainData> {
    return scanChains(this, streams);
  }

  headPosition(): Promise<bigint | undefined> {
    return headPosition(this.client);
  }

  /** Stops open subscriptions first so their handlers finish before the connection goes. */
  async close(): Promise<void> {
    // A failed subscription has reported its error already (caughtUp, stop, onError); closing goes on.
    await Promise.allSettled([...this.subscriptions].map((subscription) => subscription.stop()));
    await this.client.dispose();
  }
}

/**
 * The client learns the version with its server-features call; the getter is not public in 6.2 and
 * rejects with the raw gRPC error, which is converted as the client converts its own calls' errors.
 */
async function serverVersionOf(client: EventStoreDBClient): Promise<string> {
  try {
    const features = await (client as unknown as { capabilities: Promise<{ serverVersion: string }> }).capabilities;
    return features.serverVersion;
  } catch (error) {
    throw error instanceof Error ? convertToCommandError(error) : error;
  }
}

/**
 * The composition root's way in: creates the store and checks the server's version at once, so an
 * old server stops the start with a clear message instead of a projector that never catches up.
 */
export async function connectEventStoreDb(connectionString: string): Promise<EventStoreDbEventStore> {
  const store = createEventStoreDbEventStore(connectionString);
  try {
    await store.requireSupportedServer();
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  return store;
}

/** `connectionString`: an `esdb://` (or `esdb+discover://`) URL, e.g. `esdb://localhost:2113?tls=false`. */
export function createEventStoreDbEventStore(connectionString: string): EventStoreDbEventStore {
  if (!/^esdb(\+discover)?:\/\//.test(connectionString)) {
    // The value may hold credentials, so it is not echoed.
    throw new Error('EVENTSTORE_URL must be an esdb:// or esdb+discover:// connection string');
  }
  return new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString));
}
