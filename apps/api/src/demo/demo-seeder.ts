import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { DataSource } from 'typeorm';
import type { EventStore } from '@app/event-store';
import { AUTH_DATA_SOURCE } from '../auth/auth.tokens';
import { seedDemoAccounts, type DemoAccount } from '../auth/demo-accounts';
import { eventIdFor } from '../command-pipeline/derived-ids';
import { streamIdOf } from '@app/domain';
import { EVENT_STORE } from '../infrastructure/tokens';
import { DEMO_REGION_ID, demoCommitteeId } from './demo-ids';
import { seedDemoContacts } from './demo-contacts';
import { demoPlan, type PlannedCommand } from './plan';
import { DEMO_MEMBER_COMMITTEES, DEMO_REGION } from './scenario';

export interface DemoSeedResult {
  regionId: string;
  regionName: string;
  /** Commands issued in this run (a re-run of an interrupted seed answers the written ones from the stream). */
  issued: number;
  /** True when the demo was already complete and nothing was issued. */
  alreadyPresent: boolean;
  accounts: readonly DemoAccount[];
  /** Committees that got example contact addresses in this run. */
  contacts: number;
}

export interface DemoSeedOptions {
  log?: (line: string) => void;
  /** The demo accounts have public passwords; `false` leaves them out (default: create them). */
  accounts?: boolean;
}

/**
 * Registers the demo network by issuing every command of the scenario through the CommandBus, the
 * same pipeline HTTP requests take (permissions, rules, events with actor and server time). Each
 * command carries a fixed idempotency key, so seeding twice writes nothing twice; an interrupted
 * seed resumes where it stopped.
 */
export async function seedDemo(app: INestApplicationContext, options: DemoSeedOptions = {}): Promise<DemoSeedResult> {
  const log = options.log ?? (() => undefined);
  const store = app.get<EventStore>(EVENT_STORE);
  const plan = demoPlan();
  const base = { regionId: DEMO_REGION_ID, regionName: DEMO_REGION.name };

  let issued = 0;
  const alreadyPresent = await isComplete(store, plan);
  if (alreadyPresent) {
    log(`Demodaten „${DEMO_REGION.name}“ sind bereits vollständig vorhanden; nichts geschrieben.`);
  } else {
    log(`Lege Demodaten „${DEMO_REGION.name}“ an: ${plan.length} Befehle über den CommandBus …`);
    const bus = app.get(CommandBus);
    const progress = yearlyProgress(log);
    for (const step of plan) {
      try {
        await bus.execute(step.command);
      } catch (error) {
        throw new Error(`Demodaten: Befehl ${step.key} (${step.on}) abgelehnt: ${describe(error)}`, { cause: error });
      }
      issued++;
      progress.done(step);
    }
    progress.finish();
  }
  const accounts = options.accounts === false ? [] : await seedAccounts(app);
  if (accounts.length > 0) log(`Demo-Konten: ${accounts.map((a) => `${a.email} (${a.role})`).join(', ')}`);
  const contacts = await seedDemoContacts(app);
  if (contacts > 0) log(`Beispiel-Kontaktadressen für ${contacts} Gremien (…@duesseldorf.example) für Erinnerungen.`);
  return { ...base, issued, alreadyPresent, accounts, contacts };
}

/** Complete when the plan's last command is in its stream (commands are issued in plan order). */
async function isComplete(store: EventStore, plan: PlannedCommand[]): Promise<boolean> {
  const region = await store.readStream(streamIdOf.region(DEMO_REGION_ID));
  if (region.length === 0) return false;
  const last = plan.at(-1)!;
  const lastEventId = eventIdFor(DEMO_REGION_ID, last.key, 0);
  const streamId = streamOf(last);
  return (await store.readStream(streamId)).some((e) => e.id === lastEventId);
}

const streamOf = (step: PlannedCommand): string => {
  const command = step.command as unknown as { recommendationId?: string; conferenceId?: string; committeeId?: string };
  if (command.recommendationId) return streamIdOf.recommendation(command.recommendationId);
  if (command.conferenceId) return streamIdOf.conference(command.conferenceId);
  if (command.committeeId) return streamIdOf.committee(command.committeeId);
  return streamIdOf.region(DEMO_REGION_ID);
};

/**
 * The access-control module's demo accounts (one per role; the committee member acts for two
 * committees). Absent when the application runs without the auth module.
 */
async function seedAccounts(app: INestApplicationContext): Promise<readonly DemoAccount[]> {
  let dataSource: DataSource;
  try {
    dataSource = app.get<DataSource>(AUTH_DATA_SOURCE, { strict: false });
  } catch {
    return [];
  }
  return seedDemoAccounts(dataSource, DEMO_REGION_ID, DEMO_MEMBER_COMMITTEES.map(demoCommitteeId));
}

/** One line per year of history: how many commands, which conferences were held. */
function yearlyProgress(log: (line: string) => void) {
  let year: string | undefined;
  let count = 0;
  let total = 0;
  let held: string[] = [];
  const flush = () => {
    if (year === undefined) return;
    log(`  ${year}: ${String(count).padStart(3)} Befehle${held.length ? ` – ${held.join(', ')}` : ''} (insgesamt ${total})`);
  };
  return {
    done(step: PlannedCommand) {
      const y = step.on.slice(0, 4);
      if (y !== year) {
        flush();
        year = y;
        count = 0;
        held = [];
      }
      count++;
      total++;
      if (step.holds) held.push(`${step.holds.kind === 'tag_der_bildung' ? `${step.holds.number}. Tag der Bildung` : `${step.holds.number}. BK`} am ${step.holds.heldOn}`);
    },
    finish: flush,
  };
}

function describe(error: unknown): string {
  const domain = (error as { error?: { code?: string; message?: string } }).error;
  if (domain?.code) return `${domain.code}: ${domain.message ?? ''}`;
  return error instanceof Error ? error.message : String(error);
}
