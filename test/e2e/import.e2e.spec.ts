import { deflateRawSync } from 'node:zlib';
import request from 'supertest';
import { eventIdFor, newAggregateId } from '../../apps/api/src/command-pipeline/derived-ids';
import { ImportService } from '../../apps/api/src/import/run/import.service';
import { actors } from '../support/actors';
import { eventLogSnapshot, eventStoreOf } from '../support/event-log';
import { LIST_HEADER, LIST_ROWS, csvOf, xlsxOf, zipOf } from '../support/import-files';
import { setUpRegion, type RegionFixture } from '../support/region-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

type Preview = {
  importId: string;
  format: string;
  accepted: boolean;
  counts: { rows: number; refusedRows: number; commandsToWrite: number; commandsAlreadyWritten: number };
  proposals: { conferences: { name: string; date: string }[]; committees: { name: string; kind: string }[] };
  errors: { line: number; column: string; message: string; text: string }[];
  rows: { line: number; reference: string; title: string; steps: { type: string; businessDate: string; verdict: string }[] }[];
};

/** Waits (by polling the progress resource) until the import is no longer running. */
async function finished(t: TestApp, location: string): Promise<{ state: string; done: number; total: number; error?: string }> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const res = await request(t.url).get(location).set(actors.office());
    expect(res.status).toBe(200);
    if (res.body.state !== 'running') return res.body;
    if (Date.now() > deadline) throw new Error(`import still running: ${JSON.stringify(res.body)}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('import of a recommendation list', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ PROJECTOR: 'inline' });
  });
  afterAll(() => t.close());

  const preview = (region: RegionFixture, file: Buffer, name: string, mapping?: object) => {
    const req = request(t.url).post(`${region.base}/imports/preview`).set(actors.office()).attach('file', file, name);
    return mapping ? req.field('mapping', JSON.stringify(mapping)) : req;
  };
  const importFile = (region: RegionFixture, file: Buffer, name: string) =>
    request(t.url).post(`${region.base}/imports`).set(actors.office()).attach('file', file, name);

  describe('a UTF-8 CSV with ";" imported twice', () => {
    let region: RegionFixture;
    const file = csvOf([LIST_HEADER, ...LIST_ROWS], { separator: ';', encoding: 'utf8' });
    beforeAll(async () => {
      region = await setUpRegion(t.url);
    });

    it('the dry run lists per row the commands with the rows business dates and writes nothing', async () => {
      const before = await eventLogSnapshot(t.app);
      const res = await preview(region, file, 'liste.csv');
      expect(res.status).toBe(200);
      const body = res.body as Preview;
      expect(body.format).toBe('CSV (Trennzeichen „;“, UTF-8)');
      expect(body.accepted).toBe(true);
      expect(body.counts).toEqual({ rows: 3, refusedRows: 0, commandsToWrite: 11, commandsAlreadyWritten: 0 });
      expect(body.proposals.conferences).toEqual([expect.objectContaining({ name: '5. Bildungskonferenz', date: '2021-05-03' })]);
      expect(body.proposals.committees).toEqual([expect.objectContaining({ name: 'Integrationsrat', kind: 'ausschuss' })]);
      expect(body.rows.map((r) => [r.line, r.reference, r.steps.map((s) => `${s.type}@${s.businessDate}`)])).toEqual([
        [2, '9. BK / 1', ['AdoptRecommendation@2026-03-12', 'HandOffRecommendation@2026-04-20', 'AcceptHandOff@2026-04-20', 'ReportImplementationStatus@2026-06-01']],
        [3, '9. BK / 2', ['AdoptRecommendation@2026-03-12', 'HandOffRecommendation@2026-04-20', 'HandOffRecommendation@2026-04-20']],
        [4, '5. BK / 4', ['AdoptRecommendation@2021-05-03']],
      ]);
      expect(await eventLogSnapshot(t.app)).toEqual(before);
    });

    it('the import writes ordinary events with the rows dates, then a second import writes nothing', async () => {
      const res = await importFile(region, file, 'liste.csv');
      expect(res.status).toBe(202);
      const job = await finished(t, res.headers.location!);
      expect(job).toMatchObject({ state: 'done', done: 11, total: 11 });

      const key = (res.body as { importId: string }).importId;
      expect(key).toMatch(/^[0-9a-f]{24}$/);
      const again = await preview(region, file, 'liste.csv');
      // The registrations count as written or as known names, depending on how far the projector got.
      expect((again.body as Preview).counts).toMatchObject({ rows: 3, refusedRows: 0, commandsToWrite: 0 });
      expect((again.body as Preview).rows.flatMap((r) => r.steps.map((s) => s.verdict))).toEqual(Array(8).fill('written'));
      const before = await eventLogSnapshot(t.app);
      const second = await importFile(region, file, 'liste.csv');
      expect(second.status).toBe(202);
      expect(await finished(t, second.headers.location!)).toMatchObject({ state: 'done', done: 0, total: 0 });
      expect(await eventLogSnapshot(t.app)).toEqual(before);
    });

    it('the events carry the importer, the steering decision as the import, and the committee act on its behalf', async () => {
      const list = await request(t.url).get(`${region.base}/recommendations`).set(actors.office()).query({ limit: 10 });
      expect(list.status).toBe(200);
      const items = (list.body as { items: { recommendationId: string; reference: string }[] }).items;
      const first = items.find((i) => i.reference === '9. BK / 1')!;
      const events = await eventStoreOf(t.app).readStream(`recommendation-${first.recommendationId}`);
      expect(events.map((e) => [e.type, (e.metadata.actor as { userId: string }).userId, (e.metadata.actor as { onBehalfOf?: string }).onBehalfOf ?? null])).toEqual([
        ['RecommendationAdopted', 'buero.test', null],
        ['RecommendationHandedOff', 'system:import:buero.test', null],
        ['HandOffAccepted', 'buero.test', region.committeeId],
        ['ImplementationStatusReported', 'buero.test', region.committeeId],
      ]);
      expect(events[0]!.data).toMatchObject({
        reference: '9. BK / 1',
        adoptedOn: '2026-03-12',
        addressees: { committeeIds: [region.committeeId], decisionMakers: ['Rat der Stadt'] },
      });
      expect(events[3]!.data).toMatchObject({ status: 'in_progress', reportedOn: '2026-06-01' });
    });

    it('a grown list adds only its new rows (what a re-run after a crash does too)', async () => {
      const grown = csvOf(
        [LIST_HEADER, ...LIST_ROWS, ['9. BK', '12.03.2026', '3', 'Ganztag ausbauen', 'Die Bildungskonferenz empfiehlt den Ausbau des Ganztags.', '', '', 'Schulausschuss', '01.05.2026', '01.12.2026', 'umgesetzt', '15.11.2026']],
        { separator: ';', encoding: 'utf8' },
      );
      const dry = (await preview(region, grown, 'liste.csv')).body as Preview;
      expect(dry.counts).toMatchObject({ rows: 4, refusedRows: 0, commandsToWrite: 4 });
      expect(dry.rows.map((r) => r.steps.filter((s) => s.verdict === 'write').length)).toEqual([0, 0, 0, 4]);
      const res = await importFile(region, grown, 'liste.csv');
      expect(await finished(t, res.headers.location!)).toMatchObject({ state: 'done', done: 4, total: 4 });
    });
  });

  it('an import that died half-way is finished by importing the same file again, nothing written twice', async () => {
    const region = await setUpRegion(t.url);
    const file = csvOf([LIST_HEADER, ...LIST_ROWS], { separator: ';', encoding: 'utf8' });
    const service = t.app.get(ImportService);
    const importer = { userId: 'buero.test', role: 'office' as const, committeeIds: [] };
    const prepared = await service.prepare({ regionId: region.regionId, bytes: file, fileName: 'liste.csv', importer });
    // The process "dies" after the registrations and the first row's adoption and hand-off.
    const first = prepared.plan.rows[0]!;
    await service.execute({ ...prepared, plan: { ...prepared.plan, rows: [{ ...first, steps: first.steps.slice(0, 2) }] } }, importer);
    const before = await eventLogSnapshot(t.app);

    const again = (await preview(region, file, 'liste.csv')).body as Preview;
    expect(again.rows[0]!.steps.map((s) => s.verdict)).toEqual(['written', 'written', 'write', 'write']);
    expect(again.counts.commandsToWrite).toBe(6);
    const res = await importFile(region, file, 'liste.csv');
    expect(await finished(t, res.headers.location!)).toMatchObject({ state: 'done', done: 6, total: 6 });
    expect((await eventLogSnapshot(t.app)).count - before.count).toBe(6);
    const id = newAggregateId(region.regionId, first.steps[0]!.key.replace(/:adopt$/, ''), 'recommendation');
    expect((await eventStoreOf(t.app).readStream(`recommendation-${id}`)).map((e) => e.type)).toEqual([
      'RecommendationAdopted',
      'RecommendationHandedOff',
      'HandOffAccepted',
      'ImplementationStatusReported',
    ]);
  });

  describe('encodings, separators and spreadsheets', () => {
    it('reads Windows-1252 with "," and UTF-8 with BOM and ",": the same umlauts, the same plan', async () => {
      const region = await setUpRegion(t.url);
      const win = (await preview(region, csvOf([LIST_HEADER, ...LIST_ROWS], { separator: ',', encoding: 'win1252' }), 'liste.csv')).body as Preview;
      const bom = (await preview(region, csvOf([LIST_HEADER, ...LIST_ROWS], { separator: ',', encoding: 'utf8-bom' }), 'liste.csv')).body as Preview;
      expect(win.format).toBe('CSV (Trennzeichen „,“, Windows-1252)');
      expect(bom.format).toBe('CSV (Trennzeichen „,“, UTF-8 mit BOM)');
      expect(win.rows.map((r) => r.title)).toEqual(['Berufsorientierung ab Klasse 8', 'Sprachförderung für Neuzugewanderte', 'Übergänge Kita-Grundschule begleiten']);
      expect(bom.rows.map((r) => r.title)).toEqual(['Berufsorientierung ab Klasse 8', 'Sprachförderung für Neuzugewanderte', 'Übergänge Kita–Grundschule begleiten']);
      expect(win.counts.commandsToWrite).toBe(11);
      expect(bom.counts.commandsToWrite).toBe(11);
    });

    it('reads an .xlsx with a merged title row, the header in row 3, date cells and an empty row', async () => {
      const region = await setUpRegion(t.url);
      const res = await preview(region, await xlsxOf(LIST_ROWS), 'liste.xlsx');
      expect(res.status).toBe(200);
      const body = res.body as Preview;
      expect(body.format).toBe('Excel (.xlsx)');
      expect(body.errors).toEqual([]);
      expect(body.rows.map((r) => [r.line, r.reference, r.steps[0]!.businessDate])).toEqual([
        [4, '9. BK / 1', '2026-03-12'],
        [6, '9. BK / 2', '2026-03-12'],
        [7, '5. BK / 4', '2021-05-03'],
      ]);
    });

    it('reads an .xlsx whose "Wortlaut" header is merged over two columns', async () => {
      const region = await setUpRegion(t.url);
      const res = await preview(region, await xlsxOf(LIST_ROWS, { wideText: true }), 'liste.xlsx');
      const body = res.body as Preview;
      expect(body.errors).toEqual([]);
      expect(body.counts.commandsToWrite).toBe(11);
      expect(body.rows.map((r) => [r.line, r.reference, r.title])).toEqual([
        [4, '9. BK / 1', 'Berufsorientierung ab Klasse 8'],
        [6, '9. BK / 2', 'Sprachförderung für Neuzugewanderte'],
        [7, '5. BK / 4', 'Übergänge Kita–Grundschule begleiten'],
      ]);
    });

    it('a column mapping names other headers', async () => {
      const region = await setUpRegion(t.url);
      const header = LIST_HEADER.map((h) => (h === 'Titel' ? 'Empfehlung' : h === 'Wortlaut' ? 'Text der Empfehlung' : h));
      const file = csvOf([header, LIST_ROWS[2]!], { separator: ';', encoding: 'utf8' });
      expect((await preview(region, file, 'liste.csv')).body).toMatchObject({ status: 422, code: 'import.columns-missing' });
      const mapped = await preview(region, file, 'liste.csv', { title: 'empfehlung', text: ' Text der  Empfehlung ' });
      expect(mapped.status).toBe(200);
      expect((mapped.body as Preview).rows.map((r) => r.title)).toEqual(['Übergänge Kita–Grundschule begleiten']);
    });
  });

  describe('refused rows: named, and nothing written', () => {
    let region: RegionFixture;
    beforeAll(async () => {
      region = await setUpRegion(t.url);
    });
    const bad = [
      LIST_ROWS[0]!,
      ['9. BK', '32.13.2026', '7', 'Titel', 'Text', '', '', '', '', '', '', ''],
      ['9. BK', '12.03.2026', '8', 'Titel', 'Text', '', '', 'Schulausschuss', '01.05.2026', '', 'fertig', '01.06.2026'],
      ['Jahresempfang', '12.03.2026', '9', 'Titel', 'Text', '', '', '', '', '', '', ''],
      ['9. BK', '12.03.2099', '10', 'Titel', 'Text', '', '', '', '', '', '', ''],
    ];

    it('the dry run says row, column and why', async () => {
      const res = await preview(region, csvOf([LIST_HEADER, ...bad], { separator: ';', encoding: 'utf8' }), 'liste.csv');
      expect(res.status).toBe(200);
      expect((res.body as Preview).accepted).toBe(false);
      expect((res.body as Preview).errors.map((e) => e.text)).toEqual([
        'Zeile 3, Spalte Datum: „32.13.2026“ ist kein gültiges Datum (erwartet TT.MM.JJJJ).',
        'Zeile 4, Spalte Bericht fällig: ist leer, wird aber gebraucht.',
        'Zeile 4, Spalte Stand: „fertig“ ist kein bekannter Stand (erlaubt: „nicht begonnen“, „offen“, „geplant“, „in umsetzung“, „in arbeit“, „in bearbeitung“, „begonnen“, „teilweise umgesetzt“, „umgesetzt“, „erledigt“, „nicht umgesetzt“, „blockiert“, „zurückgezogen“).',
        'Zeile 5, Spalte Konferenz: Konferenz „Jahresempfang“ ist in dieser Bildungsregion nicht bekannt und nicht als neue erkennbar (z. B. „9. Bildungskonferenz“, „9. BK“ oder „1. Tag der Bildung“).',
        'Zeile 6, Spalte Datum: Empfehlung „9. BK / 10“ erfassen (beschlossen am 12.03.2099): Das Datum liegt in der Zukunft.',
      ]);
    });

    it('the import refuses all rows with 422 when one is refused, and writes none', async () => {
      const before = await eventLogSnapshot(t.app);
      const res = await importFile(region, csvOf([LIST_HEADER, LIST_ROWS[0]!, bad[4]!], { separator: ';', encoding: 'utf8' }), 'liste.csv');
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({
        code: 'import.rows-refused',
        detail: '1 Zeile(n) abgelehnt; nichts wurde geschrieben.',
        errors: [{ line: 3, column: 'Datum', message: 'Empfehlung „9. BK / 10“ erfassen (beschlossen am 12.03.2099): Das Datum liegt in der Zukunft.' }],
      });
      expect(await eventLogSnapshot(t.app)).toEqual(before);
    });

    it('a formula cell is refused by name; "3.5.21" is read as 03.05.2021', async () => {
      const res = await preview(region, await xlsxOf([LIST_ROWS[2]!], { formulaIn: { row: 4, column: 2 } }), 'liste.xlsx');
      expect((res.body as Preview).errors.map((e) => e.text)).toEqual(['Zeile 4, Spalte Datum: enthält eine Formel (=TODAY()); bitte den Wert statt der Formel eintragen.']);
      const short = await preview(region, csvOf([LIST_HEADER, LIST_ROWS[2]!], { separator: ';', encoding: 'utf8' }), 'liste.csv');
      expect((short.body as Preview).rows[0]!.steps[0]).toMatchObject({ type: 'AdoptRecommendation', businessDate: '2021-05-03' });
    });
  });

  describe('broken files: a clear 4xx, nothing written', () => {
    let region: RegionFixture;
    beforeAll(async () => {
      region = await setUpRegion(t.url);
    });

    it.each([
      ['a truncated .xlsx', async () => (await xlsxOf(LIST_ROWS)).subarray(0, 3000), 'liste.xlsx', 422, 'import.xlsx-broken'],
      ['a zip bomb (100 MB of zeros in 100 kB)', async () => zipOf([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(0), deflated: deflateRawSync(Buffer.alloc(100 * 1024 * 1024)), declaredSize: 1000 }]), 'liste.xlsx', 413, 'import.xlsx-unpacked-too-large'],
      ['binary garbage', async () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), 'liste.csv', 415, 'import.not-text'],
      ['an empty file', async () => Buffer.alloc(0), 'liste.csv', 400, 'import.empty-file'],
      ['a CSV without the header', async () => Buffer.from('a;b;c\n1;2;3\n'), 'liste.csv', 422, 'import.header-not-found'],
      ['an unclosed quote', async () => Buffer.from(`${LIST_HEADER.join(';')}\n"9. BK;12.03.2026;1;T;W;;;;;;;\n`), 'liste.csv', 422, 'import.csv-broken'],
      ['an old .xls', async () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'liste.xls', 415, 'import.xls'],
    ])('%s', async (_what, make, name, status, code) => {
      const before = await eventLogSnapshot(t.app);
      for (const path of ['imports/preview', 'imports']) {
        const res = await request(t.url).post(`${region.base}/${path}`).set(actors.office()).attach('file', await make(), name);
        expect([res.status, res.body.code]).toEqual([status, code]);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
      expect(await eventLogSnapshot(t.app)).toEqual(before);
    });

    it('50 MB of garbage is stopped at the upload limit (413)', async () => {
      const res = await request(t.url).post(`${region.base}/imports`).set(actors.office()).attach('file', Buffer.alloc(50 * 1024 * 1024, 0x41), 'liste.csv');
      expect([res.status, res.body.code]).toEqual([413, 'import.file-too-large']);
    });

    it('no file, an unknown mapping field, another role: 400, 400, 403', async () => {
      const csv = csvOf([LIST_HEADER, LIST_ROWS[2]!], { separator: ';', encoding: 'utf8' });
      const none = await request(t.url).post(`${region.base}/imports/preview`).set(actors.office()).field('mapping', '{}');
      expect([none.status, none.body.code]).toEqual([400, 'import.no-file']);
      const unknown = await preview(region, csv, 'liste.csv', { titel: 'Titel' });
      expect([unknown.status, unknown.body.code]).toEqual([400, 'validation']);
      const steering = await request(t.url).post(`${region.base}/imports`).set(actors.steering()).attach('file', csv, 'liste.csv');
      expect(steering.status).toBe(403);
    });
  });

  it('keys: a row names the same event ids however often it is planned', () => {
    expect(eventIdFor('r', 'import:row:x:adopt', 0)).toBe(eventIdFor('r', 'import:row:x:adopt', 0));
  });
});
