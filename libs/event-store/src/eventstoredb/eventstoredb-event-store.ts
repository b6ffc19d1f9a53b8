import { EventStoreDBClient } from '@eventstore/db-client';
import type {
  AppendResult,
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
import { headPosition, readAll, readStream, streamRevision } from './read';
import { subscribeToAll, type EventStoreDbSubscribeOptions } from './subscribe';

/**
 * The EventStoreDB adapter of the event store port (server >= 23.10). Positions are $all commit
 * positions; mapping.ts explains why that single number is exact.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly subscriptions = new Set<Subscription>();

  constructor(private readonly client: EventStoreDBClient) {}

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
    const subscription = subscribeToAll(this.client, handler, options);
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

/** `connectionString`: an `esdb://` (or `esdb+discover://`) URL, e.g. `esdb://localhost:2113?tls=false`. */
export function createEventStoreDbEventStore(connectionString: string): EventStoreDbEventStore {
  if (!/^esdb(\+discover)?:\/\//.test(connectionString)) {
    // The value may hold credentials, so it is not echoed.
    throw new Error('EVENTSTORE_URL must be an esdb:// or esdb+discover:// connection string');
  }
  return new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString));
}
