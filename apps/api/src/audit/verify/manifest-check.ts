import type { KeyObject } from 'node:crypto';
import type { ExportManifest, ManifestEntry } from '../offline/manifest';
import { checkManifestSignature, type SignatureCheck } from '../offline/manifest-signature';

/** An event of the log as stored now, with its chain hash. */
export interface StoredEvent {
  streamId: string;
  revision: string;
  eventId: string;
  position: string;
  hash: string;
}

/** The first event (by position) whose signed record the log no longer matches. */
export interface ManifestDifference {
  kind: 'changed' | 'missing';
  streamId: string;
  revision: string;
  /** As the manifest signed them. */
  eventId: string;
  position: string;
  signedHash: string;
  /** What the log holds at that stream and revision now (null: nothing). */
  stored: { eventId: string; position: string; hash: string } | null;
}

export interface ManifestCheck {
  ok: boolean;
  signature: SignatureCheck;
  regionId: string | null;
  exportedAt: string | null;
  lastPosition: string | null;
  /** Signed events compared with the log. */
  events: number;
  firstDifference?: ManifestDifference;
  message: string;
}

const differs = (signed: ManifestEntry, stored: StoredEvent | undefined): boolean =>
  !stored || stored.position !== signed[0] || stored.eventId.toLowerCase() !== signed[1] || stored.hash.toLowerCase() !== signed[2];

/**
 * Compares the log as stored now with a signed manifest kept outside the database: first the
 * signature (a manifest that is not signed by the key says nothing), then every event it signed,
 * stream by stream and revision by revision: edited, re-hashed, replaced and removed events all
 * differ from their signed position, id and chain hash. The first difference by position is named.
 * Events appended after the manifest are not its business (the chain check covers them).
 */
export function compareWithManifest(manifest: unknown, publicKey: KeyObject, stored: readonly StoredEvent[]): ManifestCheck {
  const signature = checkManifestSignature(manifest, publicKey);
  const m = manifest as Partial<ExportManifest>;
  const base = { regionId: m?.regionId ?? null, exportedAt: m?.exportedAt ?? null, lastPosition: m?.lastPosition ?? null };
  if (!signature.ok) return { ok: false, signature, ...base, events: 0, message: `Manifest abgelehnt: ${signature.reason}` };
  if (!m.eventHashes || typeof m.eventHashes !== 'object') {
    return { ok: false, signature, ...base, events: 0, message: 'Manifest abgelehnt: es enthält keine Ereignis-Hashes (eventHashes); bitte ein aktuelles Manifest abrufen.' };
  }
  const byStream = new Map<string, Map<string, StoredEvent>>();
  for (const e of stored) {
    const revisions = byStream.get(e.streamId) ?? new Map<string, StoredEvent>();
    revisions.set(e.revision, e);
    byStream.set(e.streamId, revisions);
  }
  let first: ManifestDifference | undefined;
  let events = 0;
  for (const [streamId, entries] of Object.entries(m.eventHashes)) {
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
      break; // later revisions of this stream follow from this one (their hashes cover it)
    }
  }
  const when = `vom ${base.exportedAt ?? '?'} (Schlüssel ${signature.keyId}, bis Position ${base.lastPosition ?? '–'})`;
  if (!first) return { ok: true, signature, ...base, events, message: `Das Protokoll stimmt mit dem signierten Manifest ${when} überein: ${events} Ereignisse unverändert.` };
  const what =
    first.kind === 'missing'
      ? 'fehlt im Protokoll'
      : first.stored!.eventId.toLowerCase() !== first.eventId
        ? `wurde durch Ereignis ${first.stored!.eventId} ersetzt`
        : `wurde verändert (signierter Hash ${first.signedHash.slice(0, 12)}…, gespeichert ${first.stored!.hash.slice(0, 12)}…)`;
  return {
    ok: false,
    signature,
    ...base,
    events,
    firstDifference: first,
    message: `Abweichung vom signierten Manifest ${when}: zuerst Ereignis ${first.eventId} (Stream ${first.streamId}, Revision ${first.revision}, Position ${first.position}) ${what}.`,
  };
}
