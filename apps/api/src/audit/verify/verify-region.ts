import type { Pool } from 'pg';
import { isVerifiable, type EventStore, type RecordedEvent, type VerifiableEventStore, type VerifyReport } from '@app/event-store';
import { compareProjections, type ProjectionReport } from './projection-drift';

export interface ChainVerification {
  ok: boolean;
  streams: number;
  events: number;
  firstBroken?: { streamId: string; revision: string; eventId: string; position: string; expectedHash: string; storedHash: string };
}

export interface RegionVerifyReport {
  ok: boolean;
  regionId: string | null;
  checkedAt: string;
  chains: ChainVerification;
  projections: ProjectionReport;
  /** The verdict in one German sentence (or two). */
  message: string;
}

export interface VerifyOptions {
  /** Needs `verify` (a store that keeps a chain) unless `chains` is given. */
  store: EventStore;
  pool: Pool;
  /**
   * Left out: the whole log and every region's rows. With it: each of the region's chains on its
   * own (`events`: the region's events now), and its rows replayed from its events (`eventsUpTo`).
   */
  region?: { regionId: string; events: readonly RecordedEvent[]; eventsUpTo(head: bigint | undefined): Promise<readonly RecordedEvent[]> };
  now: Date;
  waitMs?: number;
  /** The chains already verified another way (the API's one-snapshot check of a region). */
  chains?: ChainVerification;
}

const plain = (r: Extract<VerifyReport, { ok: false }>['firstBroken']) => ({
  streamId: r.streamId,
  revision: r.revision.toString(),
  eventId: r.eventId,
  position: r.position.toString(),
  expectedHash: r.expectedHash,
  storedHash: r.storedHash,
});

/** Recomputes the hash chains (the store's own verify) and compares the read models with a fresh replay. */
export async function verifyChainsOf(store: VerifiableEventStore, streams?: string[]): Promise<ChainVerification> {
  if (streams === undefined) {
    const r = await store.verify();
    return r.ok ? { ok: true, streams: r.streams, events: r.events } : { ok: false, streams: r.streams, events: r.events, firstBroken: plain(r.firstBroken) };
  }
  let events = 0;
  let checked = 0;
  for (const streamId of [...streams].sort()) {
    const r = await store.verify({ streamId });
    if (!r.ok) return { ok: false, streams: checked, events: events + r.events, firstBroken: plain(r.firstBroken) };
    events += r.events;
    checked += r.streams;
  }
  return { ok: true, streams: checked, events };
}

export function verdict(chains: ChainVerification, projections: ProjectionReport): string {
  const chainText = chains.firstBroken
    ? `Hash-Kette gebrochen: Ereignis ${chains.firstBroken.eventId} (Stream ${chains.firstBroken.streamId}, Revision ${chains.firstBroken.revision}, Position ${chains.firstBroken.position}) wurde nach der Erfassung verändert oder entfernt.`
    : `Alle ${chains.streams} Hash-Ketten mit ${chains.events} Ereignissen sind unversehrt.`;
  const projectionText = (() => {
    switch (projections.status) {
      case 'match':
        return 'Die Lesemodelle stimmen Zeile für Zeile mit einer frischen Wiedergabe überein.';
      case 'drift':
        return `Lesemodell weicht ab: Tabelle ${projections.firstDrift.table}, Schlüssel ${JSON.stringify(projections.firstDrift.key)}.`;
      case 'not-maintained':
        return 'Lesemodelle werden nicht fortgeschrieben (kein Projektor gelaufen); Kennzahlen und Ansichten werden aus dem Protokoll berechnet.';
      case 'lost':
        return `Das Ereignis an Position ${projections.livePosition}, das der Projektor schon angewandt hatte, fehlt im Protokoll: es wurde nachträglich entfernt.`;
      case 'behind':
        return `Der Projektor ist im Rückstand (Position ${projections.livePosition ?? '–'} statt ${projections.replayedPosition ?? '–'}); die Lesemodelle wurden nicht verglichen.`;
      default: {
        const _exhaustive: never = projections;
        return _exhaustive;
      }
    }
  })();
  return `${chainText} ${projectionText}`;
}

export async function verifyRegion(options: VerifyOptions): Promise<RegionVerifyReport> {
  const region = options.region;
  const { store } = options;
  if (!options.chains && !isVerifiable(store)) throw new Error('verifyRegion: this event store keeps no hash chain to verify');
  const chains = options.chains ?? (await verifyChainsOf(store as VerifiableEventStore, region ? [...new Set(region.events.map((e) => e.streamId))] : undefined));
  const projections = await compareProjections({
    store: options.store,
    pool: options.pool,
    ...(region ? { region: { regionId: region.regionId, eventsUpTo: region.eventsUpTo } } : {}),
    ...(options.waitMs !== undefined ? { waitMs: options.waitMs } : {}),
  });
  return {
    ok: chains.ok && projections.ok !== false,
    regionId: region?.regionId ?? null,
    checkedAt: options.now.toISOString(),
    chains,
    projections,
    message: verdict(chains, projections),
  };
}
