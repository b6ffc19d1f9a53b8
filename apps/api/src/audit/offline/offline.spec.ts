import canonicalize from 'canonicalize';
import { createHash, generateKeyPairSync, randomUUID } from 'node:crypto';
import { recomputeChains } from './chains';
import { ndjsonOf, parseExport, type ExportLine } from './export-format';
import { buildManifest, manifestMismatches } from './manifest';
import { signManifest } from './manifest-signature';
import { parseReplayArgs, ReplayUsageError } from './replay-args';
import { replayExport } from './replay';

/** Lines with hashes computed here, independently of the event store's code (sha256(prev ‖ RFC 8785 JSON)). */
function chain(streams: Record<string, unknown[]>): ExportLine[] {
  const lines: ExportLine[] = [];
  let position = 100;
  const heads = new Map<string, Buffer>();
  const order = Object.entries(streams).flatMap(([streamId, datas]) => datas.map((data, revision) => ({ streamId, data, revision })));
  // Interleave streams the way a global order would.
  order.sort((a, b) => a.revision - b.revision || a.streamId.localeCompare(b.streamId));
  for (const { streamId, data, revision } of order) {
    const eventId = randomUUID();
    const recordedAt = new Date(Date.UTC(2026, 0, 1, 0, 0, position)).toISOString();
    const metadata = { regionId: 'r', actor: { userId: 'u', role: 'office', committeeIds: [] } };
    const text = canonicalize({ streamId, revision: String(revision), eventId, type: 'Something', data, metadata, recordedAt })!;
    const hash = createHash('sha256').update(heads.get(streamId) ?? Buffer.alloc(0)).update(text, 'utf8').digest();
    heads.set(streamId, hash);
    lines.push({ position: String(position++), streamId, revision: String(revision), eventId, type: 'Something', recordedAt, data, metadata, hash: hash.toString('hex') });
  }
  return lines;
}

describe('offline replay of an export', () => {
  const lines = chain({ 'a-1': [{ x: 1 }, { x: 2, text: 'Grüße „Köln“' }, { x: 3 }], 'b-2': [{ y: [1, 2] }, { y: { z: null } }] });

  it('recomputes every chain as the store hashes it, and reports the heads', () => {
    const report = recomputeChains(parseExport(ndjsonOf(lines)));
    expect(report).toMatchObject({ ok: true, streams: 2, events: 5 });
    if (!report.ok) return;
    expect(report.heads['a-1']).toEqual({ revision: '2', hash: lines.filter((l) => l.streamId === 'a-1').at(-1)!.hash });
  });

  it('names the first edited line, whatever was edited: data, metadata, record time, type', () => {
    for (const edit of [
      (l: ExportLine) => ({ ...l, data: { x: 99 } }),
      (l: ExportLine) => ({ ...l, metadata: { ...l.metadata, actor: { userId: 'jemand', role: 'office', committeeIds: [] } } }),
      (l: ExportLine) => ({ ...l, recordedAt: '2020-01-01T00:00:00.000Z' }),
      (l: ExportLine) => ({ ...l, type: 'SomethingElse' }),
    ]) {
      const edited = lines.map((l, i) => (i === 3 ? edit(l) : l));
      expect(recomputeChains(edited)).toMatchObject({ ok: false, firstBroken: { eventId: lines[3].eventId, reason: 'hash', storedHash: lines[3].hash } });
    }
  });

  it('names a gap when a line is removed, and a line re-hashed to hide an edit breaks the next one', () => {
    const removed = lines.filter((_, i) => i !== 1);
    const broken = recomputeChains(removed);
    expect(broken.ok).toBe(false);
    if (broken.ok) return;
    expect(broken.firstBroken.reason).toBe('revision-gap');
    const a = lines.filter((l) => l.streamId === 'a-1');
    // Re-hash the edited event with the right previous hash: the following event's hash no longer fits.
    const text = canonicalize({ streamId: 'a-1', revision: '0', eventId: a[0].eventId, type: a[0].type, data: { x: 42 }, metadata: a[0].metadata, recordedAt: a[0].recordedAt })!;
    const forged = { ...a[0], data: { x: 42 }, hash: createHash('sha256').update(text, 'utf8').digest('hex') };
    expect(recomputeChains(lines.map((l) => (l === a[0] ? forged : l)))).toMatchObject({ ok: false, firstBroken: { eventId: a[1].eventId } });
  });

  it('checks the manifest: SHA-256 of the bytes, count, first and last position, heads', () => {
    const file = ndjsonOf(lines);
    const manifest = buildManifest('r', file, lines, new Date('2026-01-01T00:00:00Z'));
    expect(manifest).toMatchObject({ events: 5, streams: 2, firstPosition: '100', lastPosition: '104' });
    expect(replayExport(Buffer.from(file), { manifest })).toMatchObject({ ok: true, manifest: { ok: true } });
    const shorter = ndjsonOf(lines.slice(0, 4));
    const problems = manifestMismatches(manifest, Buffer.from(shorter), lines.slice(0, 4));
    expect(problems.join('\n')).toMatch(/SHA-256/);
    expect(problems.join('\n')).toMatch(/4 Ereignisse, das Manifest nennt 5/);
    expect(problems.join('\n')).toMatch(/Letzte Position 103 statt 104/);
    expect(problems.join('\n')).toMatch(/Kettenkopf von a-1: berechnet 1\//);
    expect(replayExport(Buffer.from(shorter), { manifest }).ok).toBe(false);
  });

  it('proves nothing was altered since an earlier export, even against a chain re-hashed from start to end', () => {
    const earlierLines = lines.slice(0, 3);
    const earlier = buildManifest('r', ndjsonOf(earlierLines), earlierLines, new Date('2026-01-01T00:00:00Z'));
    expect(replayExport(Buffer.from(ndjsonOf(lines)), { since: earlier })).toMatchObject({ ok: true, since: { ok: true, streams: 2, mismatches: [] } });
    // Someone with database access rewrites a-1's first event and recomputes every hash after it: the chain itself is consistent again ...
    const rewritten = chain({ 'a-1': [{ x: 1000 }, { x: 2, text: 'Grüße „Köln“' }, { x: 3 }], 'b-2': [{ y: [1, 2] }, { y: { z: null } }] });
    expect(recomputeChains(rewritten).ok).toBe(true);
    // ... but the earlier head of a-1 no longer holds.
    const report = replayExport(Buffer.from(ndjsonOf(rewritten)), { since: earlier });
    expect(report.ok).toBe(false);
    expect(report.since!.mismatches.join('\n')).toMatch(/^a-1: bis Revision 1 verändert/m);
    // ... and the earlier manifest's list of every event names the first one rewritten, not only the stream.
    const a = lines.filter((l) => l.streamId === 'a-1');
    expect(report.since!.firstDifference).toMatchObject({ kind: 'changed', streamId: 'a-1', revision: '0', eventId: a[0].eventId, position: a[0].position, signedHash: a[0].hash });
    // (the rewritten chain carries new event ids, so the event is named as replaced)
    const replacement = rewritten.find((l) => l.streamId === 'a-1')!;
    expect(report.since!.mismatches.at(-1)).toBe(`Zuerst abweichend: Ereignis ${a[0].eventId} (Stream a-1, Revision 0, Position ${a[0].position}) wurde durch Ereignis ${replacement.eventId} ersetzt.`);
    const b2 = lines.find((l) => l.streamId === 'b-2')!;
    expect(replayExport(Buffer.from(ndjsonOf(lines.filter((l) => l.streamId !== 'b-2'))), { since: earlier }).since!.mismatches).toEqual([
      'b-2: Revision 0 fehlt in dieser Ausfuhr.',
      `Zuerst abweichend: Ereignis ${b2.eventId} (Stream b-2, Revision 0, Position ${b2.position}) fehlt in dieser Ausfuhr.`,
    ]);
  });

  it('with the installation\u2019s public key: believes only manifests signed with it', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const file = ndjsonOf(lines);
    const signed = signManifest(buildManifest('r', file, lines, new Date('2026-01-01T00:00:00Z')), privateKey);
    expect(replayExport(Buffer.from(file), { manifest: signed, since: signed, publicKey })).toMatchObject({ ok: true, manifest: { ok: true, signature: { ok: true } }, since: { ok: true, signature: { ok: true } } });
    // A forger who rewrote the export and made a matching manifest cannot sign it.
    const forged = { ...buildManifest('r', file, lines, new Date('2026-01-02T00:00:00Z')), signature: signed.signature };
    expect(replayExport(Buffer.from(file), { manifest: forged, publicKey }).manifest).toEqual({
      ok: false,
      mismatches: ['Signatur des Manifests: Die Signatur passt nicht zum Inhalt: das Manifest wurde nach dem Signieren verändert.'],
      signature: { ok: false, reason: 'Die Signatur passt nicht zum Inhalt: das Manifest wurde nach dem Signieren verändert.' },
    });
  });

  it('refuses malformed lines by number instead of skipping them', () => {
    expect(() => parseExport(`${JSON.stringify(lines[0])}\nkein json\n`)).toThrow('Zeile 2 ist kein JSON.');
    expect(() => parseExport(`${JSON.stringify({ ...lines[0], hash: undefined })}\n`)).toThrow(/Zeile 1: es fehlen hash/);
  });
});

describe('audit:replay arguments', () => {
  const id = '5f1c7a2e-8e0b-4c39-9d53-3a5d0f7f2b11';
  it('reads the file, manifest, cohort and both time axes', () => {
    expect(parseReplayArgs(['x.ndjson', '--manifest', 'm.json', '--cohort', `conference:${id.toUpperCase()}`, '--asOf', '2021-06-30', '--knownAt', '2021-07-01T00:00:00Z', '--json'])).toEqual({
      exportPath: 'x.ndjson',
      manifestPath: 'm.json',
      cohort: { conferenceId: id },
      asOf: '2021-06-30',
      knownAt: new Date('2021-07-01T00:00:00Z'),
      json: true,
    });
    expect(parseReplayArgs(['x.ndjson', '--cohort', 'year:2019'])).toMatchObject({ cohort: { year: 2019 }, json: false });
  });

  it('refuses what it cannot use, in German', () => {
    for (const argv of [[], ['a', 'b'], ['x', '--cohort', 'jahr:2019'], ['x', '--cohort', 'year:2019', '--asOf', '30.06.2021'], ['x', '--asOf', '2021-06-30'], ['x', '--knownAt', '2021-07-01'], ['x', '--manifest'], ['x', '--schnell']]) {
      expect(() => parseReplayArgs(argv)).toThrow(ReplayUsageError);
    }
  });
});
