import type { ManifestEntry } from './manifest';

/** An event as a log holds it now (the database, or the lines of a later export), with its chain hash. */
export interface StoredEvent {
  streamId: string;
  revision: string;
  eventId: string;
  position: string;
  hash: string;
}

/** The first event (by position) whose record in a manifest the log no longer matches. */
export interface ManifestDifference {
  kind: 'changed' | 'missing';
  streamId: string;
  revision: string;
  /** As the manifest recorded them. */
  eventId: string;
  position: string;
  signedHash: string;
  /** What the log holds at that stream and revision now (null: nothing); `hash` as its content demands. */
  stored: { eventId: string; position: string; hash: string } | null;
}

const differs = (signed: ManifestEntry, stored: StoredEvent | undefined): boolean =>
  !stored || stored.position !== signed[0] || stored.eventId.toLowerCase() !== signed[1] || stored.hash.toLowerCase() !== signed[2];

/**
 * Every event a manifest recorded, compared with the log at its stream and revision: edited,
 * re-hashed, replaced and removed events all differ from their recorded position, id and chain hash.
 * Returns how many were compared and the first difference by position. Events after the manifest
 * are not its business.
 */
export function firstDifferenceFrom(eventHashes: Record<string, ManifestEntry[]>, stored: readonly StoredEvent[]): { events: number; first?: ManifestDifference } {
  const byStream = new Map<string, Map<string, StoredEvent>>();
  for (const e of stored) {
    const revisions = byStream.get(e.streamId) ?? new Map<string, StoredEvent>();
    revisions.set(e.revision, e);
    byStream.set(e.streamId, revisions);
  }
  let first: ManifestDifference | undefined;
  let events = 0;
  for (const [streamId, entries] of Object.entries(eventHashes)) {
    for (const [revision, signed] of entries.entries()) {
      events++;
      const now = byStream.get(streamId)?.get(String(revision));
      if (!differs(signed, now)) continue;
      if (!first || BigInt(signed[0]) < BigInt(first.position)) {
        first = {
          kind: now ? 'changed' : 'missing',
          streamId,
          revision: String(revision),
          eventId: signed[1],
          position: signed[0],
          signedHash: signed[2],
          stored: now ? { eventId: now.eventId, position: now.position, hash: now.hash } : null,
        };
      }
      break; // the stream's later revisions follow from this one (their hashes cover it)
    }
  }
  return first ? { events, first } : { events };
}

/** "Ereignis … (Stream …, Revision …, Position …) wurde verändert (…)", in German. */
export function describeDifference(d: ManifestDifference, where = 'im Protokoll'): string {
  const what =
    d.kind === 'missing' || !d.stored
      ? `fehlt ${where}`
      : d.stored.eventId.toLowerCase() !== d.eventId
        ? `wurde durch Ereignis ${d.stored.eventId} ersetzt`
        : `wurde verändert (Hash laut Manifest ${d.signedHash.slice(0, 12)}…, laut Inhalt jetzt ${d.stored.hash.slice(0, 12)}…)`;
  return `Ereignis ${d.eventId} (Stream ${d.streamId}, Revision ${d.revision}, Position ${d.position}) ${what}`;
}
