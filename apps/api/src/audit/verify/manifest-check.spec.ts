import { generateKeyPairSync } from 'node:crypto';
import { buildManifest } from '../offline/manifest';
import { signManifest } from '../offline/manifest-signature';
import type { ExportLine } from '../offline/export-format';
import { compareWithManifest, type StoredEvent } from './manifest-check';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const hex = (n: number) => n.toString(16).padStart(64, '0');
const id = (n: number) => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;

/** Two streams interleaved: a (positions 1, 3, 5) and b (2, 4). */
const stored: StoredEvent[] = [1, 2, 3, 4, 5].map((p) => ({ streamId: p % 2 ? 'a' : 'b', revision: String(Math.floor((p - 1) / 2)), eventId: id(p), position: String(p), hash: hex(p) }));
const lines: ExportLine[] = stored.map((e) => ({ ...e, type: 'T', recordedAt: '2026-01-01T00:00:00.000Z', data: {}, metadata: {} }));
const manifest = signManifest(buildManifest('r', 'datei', lines, new Date('2026-02-01T00:00:00Z')), privateKey);

describe('comparing the log with a signed manifest', () => {
  it('passes when every signed event is stored as signed (later events are not its business)', () => {
    const later = { streamId: 'a', revision: '3', eventId: id(6), position: '6', hash: hex(6) };
    expect(compareWithManifest(manifest, publicKey, [...stored, later])).toMatchObject({ ok: true, events: 5, signature: { ok: true } });
  });

  it('names the first differing event by position, across streams, and says how it differs', () => {
    const rehashed = stored.map((e) => (e.position === '4' || e.position === '5' ? { ...e, hash: hex(99) } : e));
    const check = compareWithManifest(manifest, publicKey, rehashed);
    expect(check.firstDifference).toEqual({ kind: 'changed', streamId: 'b', revision: '1', eventId: id(4), position: '4', signedHash: hex(4), stored: { eventId: id(4), position: '4', hash: hex(99) } });
    expect(check.message).toBe(
      `Abweichung vom signierten Manifest vom 2026-02-01T00:00:00.000Z (Schlüssel ${check.signature.ok ? check.signature.keyId : '?'}, bis Position 5): zuerst Ereignis ${id(4)} (Stream b, Revision 1, Position 4) wurde verändert (Hash laut Manifest ${hex(4).slice(0, 12)}…, laut Inhalt jetzt ${hex(99).slice(0, 12)}…).`,
    );
    const missing = compareWithManifest(manifest, publicKey, stored.filter((e) => e.position !== '3'));
    expect(missing.firstDifference).toMatchObject({ kind: 'missing', streamId: 'a', revision: '1', position: '3', stored: null });
    const replaced = compareWithManifest(manifest, publicKey, stored.map((e) => (e.position === '2' ? { ...e, eventId: id(77) } : e)));
    expect(replaced.message).toContain(`zuerst Ereignis ${id(2)} (Stream b, Revision 0, Position 2) wurde durch Ereignis ${id(77)} ersetzt.`);
  });

  it('believes nothing an unsigned, altered or foreign-signed manifest says', () => {
    const altered = { ...manifest, lastPosition: '4' };
    expect(compareWithManifest(altered, publicKey, stored)).toMatchObject({ ok: false, events: 0, signature: { ok: false, reason: 'Die Signatur passt nicht zum Inhalt: das Manifest wurde nach dem Signieren verändert.' } });
    const foreign = signManifest(buildManifest('r', 'datei', lines, new Date()), generateKeyPairSync('ed25519').privateKey);
    expect(compareWithManifest(foreign, publicKey, stored).signature).toMatchObject({ ok: false, reason: expect.stringContaining('nicht mit diesem Schlüssel signiert') });
    const { signature: _s, ...unsigned } = manifest;
    expect(compareWithManifest(unsigned, publicKey, stored).message).toBe('Manifest abgelehnt: Das Manifest ist nicht signiert.');
    // Key order and whitespace of the file do not matter: the signed bytes are the canonical form.
    const reordered = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(manifest).reverse())));
    expect(compareWithManifest(reordered, publicKey, stored).ok).toBe(true);
  });
});
