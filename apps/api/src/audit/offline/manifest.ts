import { createHash } from 'node:crypto';
import { EXPORT_FORMAT, type ExportLine } from './export-format';
import type { ChainHead } from './chains';

/** What an export claims about itself; the auditor checks the file against it, offline. */
export interface ExportManifest {
  format: typeof EXPORT_FORMAT;
  regionId: string;
  /** When the export was made (record time of the export, not of any event). */
  exportedAt: string;
  events: number;
  streams: number;
  /** Positions of the first and last line; null for an empty export. */
  firstPosition: string | null;
  lastPosition: string | null;
  /** SHA-256 of the NDJSON file's bytes, hex. */
  sha256: string;
  hashChain: 'sha256(previous hash in stream ‖ RFC 8785 canonical event)';
  /** Per stream: the last exported revision and its stored chain hash (sorted by stream id). */
  heads: Record<string, ChainHead>;
  /**
   * Per stream, in revision order (index = revision): each event's position, id and stored chain
   * hash. Kept by the auditor outside the database, it names the first event a later log differs in
   * (audit:verify --manifest), even after a whole chain was rewritten with fresh hashes.
   */
  eventHashes: Record<string, ManifestEntry[]>;
}

/** [position, eventId, hash] of one event. */
export type ManifestEntry = [position: string, eventId: string, hash: string];

export function eventHashesOf(lines: readonly ExportLine[]): Record<string, ManifestEntry[]> {
  const streams = new Map<string, ManifestEntry[]>();
  for (const line of lines) {
    const entries = streams.get(line.streamId) ?? [];
    entries[Number(line.revision)] = [line.position, line.eventId, line.hash.toLowerCase()];
    streams.set(line.streamId, entries);
  }
  return Object.fromEntries([...streams.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export const sha256Hex = (bytes: string | Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** Heads as the lines carry them: each stream's last line's stored hash. */
export function storedHeads(lines: readonly ExportLine[]): Record<string, ChainHead> {
  const heads = new Map<string, ChainHead>();
  for (const line of lines) heads.set(line.streamId, { revision: line.revision, hash: line.hash.toLowerCase() });
  return Object.fromEntries([...heads.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function buildManifest(regionId: string, file: string, lines: readonly ExportLine[], exportedAt: Date): ExportManifest {
  const heads = storedHeads(lines);
  return {
    format: EXPORT_FORMAT,
    regionId,
    exportedAt: exportedAt.toISOString(),
    events: lines.length,
    streams: Object.keys(heads).length,
    firstPosition: lines[0]?.position ?? null,
    lastPosition: lines.at(-1)?.position ?? null,
    sha256: sha256Hex(Buffer.from(file, 'utf8')),
    hashChain: 'sha256(previous hash in stream ‖ RFC 8785 canonical event)',
    heads,
    eventHashes: eventHashesOf(lines),
  };
}

/** Every way the file and the recomputed chains disagree with the manifest, in German; empty: they agree. */
export function manifestMismatches(manifest: ExportManifest, fileBytes: Buffer, lines: readonly ExportLine[], recomputedHeads?: Record<string, ChainHead>): string[] {
  const problems: string[] = [];
  const sha = sha256Hex(fileBytes);
  if (manifest.sha256 !== sha) problems.push(`SHA-256 der Datei ist ${sha}, das Manifest nennt ${manifest.sha256}.`);
  if (manifest.events !== lines.length) problems.push(`Die Datei enthält ${lines.length} Ereignisse, das Manifest nennt ${manifest.events}.`);
  if (manifest.firstPosition !== (lines[0]?.position ?? null)) problems.push(`Erste Position ${lines[0]?.position ?? '–'} statt ${manifest.firstPosition ?? '–'}.`);
  if (manifest.lastPosition !== (lines.at(-1)?.position ?? null)) problems.push(`Letzte Position ${lines.at(-1)?.position ?? '–'} statt ${manifest.lastPosition ?? '–'}.`);
  const heads = recomputedHeads ?? storedHeads(lines);
  const names = new Set([...Object.keys(heads), ...Object.keys(manifest.heads)]);
  for (const streamId of [...names].sort()) {
    const mine = heads[streamId];
    const theirs = manifest.heads[streamId];
    if (!mine || !theirs || mine.hash !== theirs.hash || mine.revision !== theirs.revision) {
      problems.push(`Kettenkopf von ${streamId}: berechnet ${mine ? `${mine.revision}/${mine.hash}` : 'fehlt'}, Manifest ${theirs ? `${theirs.revision}/${theirs.hash}` : 'fehlt'}.`);
    }
  }
  return problems;
}
