import type { KeyObject } from 'node:crypto';
import type { ExportManifest } from '../offline/manifest';
import { describeDifference, firstDifferenceFrom, type ManifestDifference, type StoredEvent } from '../offline/manifest-difference';
import { checkManifestSignature, type SignatureCheck } from '../offline/manifest-signature';

export type { ManifestDifference, StoredEvent };

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

/**
 * Compares the log as stored now with a signed manifest kept outside the database: first the
 * signature (a manifest that is not signed by the key says nothing), then every event it signed
 * (offline/manifest-difference.ts); the first difference by position is named.
 */
export function compareWithManifest(manifest: unknown, publicKey: KeyObject, stored: readonly StoredEvent[]): ManifestCheck {
  const signature = checkManifestSignature(manifest, publicKey);
  const m = manifest as Partial<ExportManifest>;
  const base = { regionId: m?.regionId ?? null, exportedAt: m?.exportedAt ?? null, lastPosition: m?.lastPosition ?? null };
  if (!signature.ok) return { ok: false, signature, ...base, events: 0, message: `Manifest abgelehnt: ${signature.reason}` };
  if (!m.eventHashes || typeof m.eventHashes !== 'object') {
    return { ok: false, signature, ...base, events: 0, message: 'Manifest abgelehnt: es enthält keine Ereignis-Hashes (eventHashes); bitte ein aktuelles Manifest abrufen.' };
  }
  const { events, first } = firstDifferenceFrom(m.eventHashes, stored);
  const when = `vom ${base.exportedAt ?? '?'} (Schlüssel ${signature.keyId}, bis Position ${base.lastPosition ?? '–'})`;
  if (!first) return { ok: true, signature, ...base, events, message: `Das Protokoll stimmt mit dem signierten Manifest ${when} überein: ${events} Ereignisse unverändert.` };
  return { ok: false, signature, ...base, events, firstDifference: first, message: `Abweichung vom signierten Manifest ${when}: zuerst ${describeDifference(first)}.` };
}
