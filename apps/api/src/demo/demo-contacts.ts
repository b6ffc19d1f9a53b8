import type { INestApplicationContext } from '@nestjs/common';
import { CommitteeContactsStore } from '../reminders/contacts/committee-contacts';
import { DEMO_REGION_ID, demoCommitteeId } from './demo-ids';
import { DEMO_COMMITTEES } from './scenario';

/** Invented addresses under the reserved .example domain: any SMTP server shows the demo's reminders at once, none reaches a person. */
export const demoContactsOf = (key: string, shortName: string) => [{ name: `Vorsitz ${shortName}`, email: `vorsitz.${key}@duesseldorf.example` }];

/**
 * Example contact addresses for every demo committee, set only where the committee has none yet
 * (what the office typed stays). Absent when the application runs without the reminders module.
 * Returns how many committees got addresses in this run.
 */
export async function seedDemoContacts(app: INestApplicationContext): Promise<number> {
  let store: CommitteeContactsStore;
  try {
    store = app.get(CommitteeContactsStore, { strict: false });
  } catch {
    return 0;
  }
  const existing = new Set((await store.forRegion(DEMO_REGION_ID)).map((c) => c.committeeId));
  let added = 0;
  for (const c of DEMO_COMMITTEES) {
    const committeeId = demoCommitteeId(c.key);
    if (existing.has(committeeId)) continue;
    await store.set(DEMO_REGION_ID, committeeId, demoContactsOf(c.key, c.shortName), 'system:demo-seed');
    added++;
  }
  return added;
}
