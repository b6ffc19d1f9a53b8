import type { KeyObject } from 'node:crypto';
import { contentHashes, earlierHeadsMismatches, recomputeChains, type ChainReport } from './chains';
import { parseExport, recordedOf } from './export-format';
import { manifestMismatches, sha256Hex, type ExportManifest } from './manifest';
import { describeDifference, firstDifferenceFrom, type ManifestDifference } from './manifest-difference';
import { checkManifestSignature, type SignatureCheck } from './manifest-signature';
import { cohortFiguresAt, type AuditPoint, type CohortFigures } from './region-figures';
import { regionIdOf } from './region-events';
import type { Cohort, FigureParams } from '@app/figures';

export interface ReplayOptions {
  manifest?: ExportManifest;
  /** An earlier export's manifest: its chain heads must all still hold in this export (nothing altered since). */
  since?: ExportManifest;
  /** Figures of this cohort at `point`; left out: chains only. */
  cohort?: Cohort;
  point?: AuditPoint;
  params?: Partial<FigureParams>;
  /** The auditor's copy of the installation's public key: both manifests must be signed with it. */
  publicKey?: KeyObject;
}

export interface ReplayReport {
  ok: boolean;
  file: { sha256: string; events: number; firstPosition: string | null; lastPosition: string | null; regionId: string | null };
  chains: ChainReport;
  /** Present when a manifest was given: every disagreement (empty: the file is what the manifest describes). */
  manifest?: { ok: boolean; mismatches: string[]; signature?: SignatureCheck; firstDifference?: ManifestDifference };
  /**
   * Present with `since`: every stream whose earlier head no longer holds and, where the earlier
   * manifest lists every event (eventHashes), the first event that differs from it.
   */
  since?: { ok: boolean; exportedAt: string; streams: number; mismatches: string[]; signature?: SignatureCheck; firstDifference?: ManifestDifference };
  figures?: CohortFigures;
}

/**
 * The independent replay: from the bytes of an NDJSON export alone (no database, no server) it
 * recomputes every hash chain, checks the manifest, and computes metrics.md's figures for a cohort.
 * Pure: the caller reads the files and supplies "today" for the default `asOf`.
 */
export function replayExport(bytes: Buffer, options: ReplayOptions = {}): ReplayReport {
  const lines = parseExport(bytes.toString('utf8'));
  const chains = recomputeChains(lines);
  const events = lines.map(recordedOf);
  const report: ReplayReport = {
    ok: chains.ok,
    file: {
      sha256: sha256Hex(bytes),
      events: lines.length,
      firstPosition: lines[0]?.position ?? null,
      lastPosition: lines.at(-1)?.position ?? null,
      regionId: regionIdOf(events) ?? null,
    },
    chains,
  };
  const hashes = contentHashes(lines);
  const stored = lines.map((l, i) => ({ streamId: l.streamId, revision: l.revision, eventId: l.eventId, position: l.position, hash: hashes[i]! }));
  /** The signature check (with a key) and the first event that differs (where the manifest lists them all). */
  const against = (manifest: ExportManifest, mismatches: string[], label: string) => {
    const signature = options.publicKey ? checkManifestSignature(manifest, options.publicKey) : undefined;
    if (signature && !signature.ok) mismatches.push(`Signatur ${label}: ${signature.reason}`);
    const { first } = manifest.eventHashes ? firstDifferenceFrom(manifest.eventHashes, stored) : {};
    if (first) mismatches.push(`Zuerst abweichend: ${describeDifference(first, 'in dieser Ausfuhr')}.`);
    return { ...(signature ? { signature } : {}), ...(first ? { firstDifference: first } : {}) };
  };
  if (options.manifest) {
    const mismatches = manifestMismatches(options.manifest, bytes, lines, chains.ok ? chains.heads : undefined);
    const extra = mismatches.length > 0 || options.publicKey ? against(options.manifest, mismatches, 'des Manifests') : {};
    report.manifest = { ok: mismatches.length === 0, mismatches, ...extra };
    report.ok &&= mismatches.length === 0;
  }
  if (options.since) {
    const mismatches = earlierHeadsMismatches(lines, options.since.heads);
    const extra = mismatches.length > 0 || options.publicKey ? against(options.since, mismatches, 'des früheren Manifests') : {};
    report.since = { ok: mismatches.length === 0, exportedAt: options.since.exportedAt, streams: Object.keys(options.since.heads).length, mismatches, ...extra };
    report.ok &&= mismatches.length === 0;
  }
  if (options.cohort && options.point) report.figures = cohortFiguresAt(events, options.cohort, options.point, options.params);
  return report;
}
