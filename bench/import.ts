/**
 * `npm run bench:import`: imports a generated list of BENCH_IMPORT_ROWS (default 10,000) rows, a
 * third adoptions only, a third handed off, a third handed off with a status, through the real
 * application (CommandBus, inline projector) and compares with appending the same number of events
 * straight to the event store in the same process (as many writers as the import runs rows side by
 * side, one event per append).
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import { loadConfig } from '@app/config';
import type { EventStore } from '@app/event-store';
import { createApp } from '../apps/api/src/app.factory';
import { systemActor, systemRequest } from '../apps/api/src/command-pipeline/system-request';
import { ImportService } from '../apps/api/src/import/run/import.service';
import { EVENT_STORE } from '../apps/api/src/infrastructure/tokens';
import { RegisterRegionCommand } from '../apps/api/src/regions/register-region/register-region.handler';
import { freshDatabase } from './support/server';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);
/** The import writes 16 rows side by side (ImportService); the reference gets as many writers. */
const WRITERS = 16;
const HEADER = 'Konferenz;Datum;Nr.;Titel;Wortlaut;Handlungsfeld;Adressaten;Übergeben an;Übergeben am;Bericht fällig;Stand;Stand vom';
const FIELDS = ['Inklusion', 'Übergang Schule/Beruf', 'Bildungsförderung 0–10', 'Neuzugewanderte'];
const STATUSES = ['in Umsetzung', 'umgesetzt', 'teilweise umgesetzt', 'geplant'];

function listOf(rows: number): Buffer {
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) {
    const conference = 1 + (i % 9);
    const year = 2010 + conference;
    const committee = `Fachgremium ${1 + (i % 20)}`;
    const kind = i % 3;
    const handOff = kind === 0 ? ['', '', ''] : [committee, `01.06.${year}`, `01.06.${year + 1}`];
    const status = kind === 2 ? [STATUSES[i % STATUSES.length]!, `01.09.${year}`] : ['', ''];
    lines.push(
      [`${conference}. Bildungskonferenz`, `15.03.${year}`, String(i + 1), `Empfehlung ${i + 1}`, `Die Bildungskonferenz empfiehlt Maßnahme ${i + 1} für alle Schulen der Stadt.`, FIELDS[i % FIELDS.length], 'Rat der Stadt', ...handOff, ...status].join(';'),
    );
  }
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

async function main(): Promise<void> {
  const db = await freshDatabase();
  try {
    const config = loadConfig({ ...process.env, LOG_LEVEL: 'warn', SEED_DEMO: 'false', PROJECTOR: process.env.PROJECTOR ?? 'inline' });
    const app = await createApp({ config, databaseUrl: db.url });
    await app.init();
    try {
      const regionId = randomUUID();
      const office = systemActor('office', [], 'bench');
      await app.get(CommandBus).execute(new RegisterRegionCommand(regionId, { name: 'Bench-Region', contractSignedOn: '2009-08-24' }, systemRequest({ regionId, actor: office })));
      const service = app.get(ImportService);
      const bytes = listOf(ROWS);
      console.log(`Import of ${ROWS} rows (${(bytes.length / 1024 / 1024).toFixed(1)} MB CSV) on ${db.server}, projector ${config.PROJECTOR}`);

      let started = performance.now();
      const prepared = await service.prepare({ regionId, bytes, fileName: 'liste.csv', importer: office });
      const dryRunMs = performance.now() - started;
      if (prepared.simulation.errors.length > 0) throw new Error(`refused: ${JSON.stringify(prepared.simulation.errors.slice(0, 3))}`);
      const commands = prepared.simulation.toWrite;

      started = performance.now();
      await service.execute(prepared, office);
      const importMs = performance.now() - started;

      started = performance.now();
      const again = await service.prepare({ regionId, bytes, fileName: 'liste.csv', importer: office });
      const secondMs = performance.now() - started;
      if (again.simulation.toWrite !== 0) throw new Error(`second import would write ${again.simulation.toWrite}`);

      const store = app.get<EventStore>(EVENT_STORE);
      started = performance.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: WRITERS }, async () => {
          while (next < commands) {
            const i = next++;
            await store.append(`bench-${i % 10_000}`, [{ id: randomUUID(), type: 'BenchEvent', data: { i, text: 'Die Bildungskonferenz empfiehlt …' }, metadata: { regionId } }], { expectedRevision: 'any' });
          }
        }),
      );
      const rawMs = performance.now() - started;

      const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
      console.log('');
      console.log('| step | rows | commands/events | time | per second |');
      console.log('| --- | ---: | ---: | ---: | ---: |');
      console.log(`| dry run (read, plan, decide in memory) | ${ROWS} | ${commands} | ${s(dryRunMs)} | ${Math.round(ROWS / (dryRunMs / 1000))} rows |`);
      console.log(`| import (commands through the CommandBus) | ${ROWS} | ${commands} | ${s(importMs)} | ${Math.round(commands / (importMs / 1000))} commands |`);
      console.log(`| dry run + import together | ${ROWS} | ${commands} | ${s(dryRunMs + importMs)} | ${Math.round(ROWS / ((dryRunMs + importMs) / 1000))} rows |`);
      console.log(`| second import of the same file (nothing to write) | ${ROWS} | 0 | ${s(secondMs)} | |`);
      console.log(`| reference: raw append of ${commands} events, ${WRITERS} writers | | ${commands} | ${s(rawMs)} | ${Math.round(commands / (rawMs / 1000))} events |`);
    } finally {
      await app.close();
    }
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
