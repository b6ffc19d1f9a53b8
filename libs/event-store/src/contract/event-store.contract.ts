import { afterAll, beforeAll, describe } from '@jest/globals';
import type { EventStore } from '../event-store';
import { appendCases } from './append.cases';
import { concurrencyCases } from './concurrency.cases';
import { logCases } from './log.cases';
import { readCases } from './read.cases';
import { subscribeCases } from './subscribe.cases';
import type { GetStore } from './support';

export interface ContractSubject {
  store: EventStore;
  /** Closes the store and removes whatever the factory created. */
  dispose(): Promise<void>;
}

/**
 * The event store contract (architecture.md), run against every adapter. Cases use fresh stream ids
 * and only look at their own streams, so a shared server with other data is fine.
 */
export function describeEventStoreContract(name: string, factory: () => Promise<ContractSubject>): void {
  describe(`event store contract: ${name}`, () => {
    let subject: ContractSubject | undefined;
    beforeAll(async () => {
      subject = await factory();
    });
    afterAll(async () => {
      await subject?.dispose();
    });
    const store: GetStore = () => {
      if (!subject) throw new Error('store not ready');
      return subject.store;
    };
    appendCases(store);
    concurrencyCases(store);
    readCases(store);
    logCases(store);
    subscribeCases(store);
  });
}
