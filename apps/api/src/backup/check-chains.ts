import { chainHash } from '@app/event-store';
import { auditManifestSha256, sortedHeads } from './audit-manifest';
import { byteaOf, parseCopyLine, timestampOf } from './copy-text';
import type { BackupManifest, ChainHead } from './format';
import { BackupDamaged, sectionLines } from './read-backup';

export interface ChainCheck {
  events: number;
  streams: number;
}

/**
 * Recomputes every hash chain from the events in the file, before anything is written, and compares
 * the count, the last position, every head and the audit manifest's hash with the manifest. The
 * first event whose stored hash does not match its content is named.
 */
export async function checkChains(file: string, manifest: BackupManifest, onEvent: (n: number) => void = () => undefined): Promise<ChainCheck> {
  const section = manifest.sections.find((s) => s.table === 'event_store.events');
  if (!section) throw new BackupDamaged('Die Sicherung enthält keinen Abschnitt event_store.events.');
  const at = (name: string) => {
    const i = section.columns.indexOf(name);
    if (i < 0) throw new BackupDamaged(`Abschnitt event_store.events ohne Spalte ${name}.`);
    return i;
  };
  const col = { position: at('position'), eventId: at('event_id'), streamId: at('stream_id'), revision: at('revision'), type: at('type'), data: at('data'), metadata: at('metadata'), recordedAt: at('recorded_at'), hash: at('hash') };
  const heads = new Map<string, { revision: bigint; hash: Buffer }>();
  let events = 0;
  let last: string | null = null;
  for await (const line of sectionLines(file, section)) {
    const f = parseCopyLine(line);
    const position = f[col.position]!;
    const where = () => `Ereignis an Position ${position} (Strom ${f[col.streamId]}, Revision ${f[col.revision]})`;
    let stored: Buffer;
    let computed: Buffer;
    try {
      const streamId = f[col.streamId]!;
      const revision = BigInt(f[col.revision]!);
      const previous = heads.get(streamId);
      const expected = previous ? previous.revision + 1n : 0n;
      if (revision !== expected) throw new BackupDamaged(`${where()}: erwartet Revision ${expected}, die Kette ist unterbrochen.`);
      stored = byteaOf(f[col.hash]!);
      computed = chainHash(previous?.hash ?? Buffer.alloc(0), {
        streamId,
        revision,
        eventId: f[col.eventId]!,
        type: f[col.type]!,
        data: JSON.parse(f[col.data]!) as unknown,
        metadata: JSON.parse(f[col.metadata]!) as Record<string, unknown>,
        recordedAt: timestampOf(f[col.recordedAt]!),
      });
      heads.set(streamId, { revision, hash: stored });
    } catch (e) {
      if (e instanceof BackupDamaged) throw e;
      throw new BackupDamaged(`${where()} ist nicht lesbar: ${(e as Error).message}`);
    }
    if (!computed.equals(stored)) throw new BackupDamaged(`${where()}: der gespeicherte Hash passt nicht zum Inhalt, das Ereignis wurde verändert.`);
    events++;
    last = position;
    if (events % 1000 === 0) onEvent(events);
  }
  onEvent(events);
  const found: Record<string, ChainHead> = sortedHeads([...heads].map(([s, h]) => [s, { revision: h.revision.toString(), hash: h.hash.toString('hex') }]));
  if (events !== manifest.events.count) throw new BackupDamaged(`Die Sicherung enthält ${events} Ereignisse, das Manifest nennt ${manifest.events.count}.`);
  if (last !== manifest.events.lastPosition) throw new BackupDamaged(`Letzte Position ${last ?? '–'}, das Manifest nennt ${manifest.events.lastPosition ?? '–'}.`);
  for (const streamId of new Set([...Object.keys(found), ...Object.keys(manifest.heads)])) {
    const a = found[streamId];
    const b = manifest.heads[streamId];
    if (!a || !b || a.revision !== b.revision || a.hash !== b.hash) {
      throw new BackupDamaged(`Kettenkopf von ${streamId}: in den Ereignissen ${a ? `${a.revision}/${a.hash}` : 'fehlt'}, im Manifest ${b ? `${b.revision}/${b.hash}` : 'fehlt'}.`);
    }
  }
  const audit = auditManifestSha256(events, last, found);
  if (audit !== manifest.auditManifestSha256) throw new BackupDamaged(`Audit-Manifest: SHA-256 ${audit}, das Manifest nennt ${manifest.auditManifestSha256}.`);
  return { events, streams: heads.size };
}
