import request from 'supertest';
import { actors } from '../support/actors';
import { eventLogSnapshot, type EventLogSnapshot } from '../support/event-log';
import { adopt, adoptionBody, type RegionFixture, setUpRegion } from '../support/region-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Inputs that once gave a 500 (or a misleading 403, or were silently changed): each is now a 4xx
 * problem+json with the exact status, code and `errors: [{ field, message }]`, and writes nothing.
 * test/e2e/bad-input-never-writes.e2e.spec.ts covers the ordinary malformations of every endpoint;
 * test/e2e/write-endpoints.property.e2e.spec.ts throws generated bodies at all of them.
 */

const CONTROL = 'Darf keine Steuerzeichen enthalten (erlaubt sind nur Tabulator und Zeilenumbruch).';
const SURROGATE = 'Enthält ein ungültiges Unicode-Zeichen (ein einzelnes Surrogat).';
const TOO_DEEP = 'Ist zu tief verschachtelt (höchstens 16 Ebenen).';
const NOT_AN_OBJECT = 'Der Anfragetext muss ein JSON-Objekt sein, z. B. {"title": "…"}.';

describe('hostile input: a 4xx naming the field, never a 500, nothing written', () => {
  let t: TestApp;
  let f: RegionFixture;
  let recommendationId: string;
  let before: EventLogSnapshot;

  beforeAll(async () => {
    t = await startTestApp();
    f = await setUpRegion(t.url);
    recommendationId = await adopt(t.url, f);
    const handOff = { committeeId: f.committeeId, mandate: 'Umsetzen', reportDueOn: '2026-12-31', decidedOn: '2026-04-15' };
    await request(t.url).post(`${f.base}/recommendations/${recommendationId}/hand-offs`).set(actors.steering()).send(handOff).expect(201);
    await request(t.url).post(`${f.base}/recommendations/${recommendationId}/hand-offs/${f.committeeId}/acceptance`).set(actors.committee(f.committeeId)).send({ on: '2026-05-04' }).expect(201);
    before = await eventLogSnapshot(t.app);
  });
  afterAll(() => t.close());

  const adoption = () => adoptionBody(f.conferenceId, [f.committeeId]);
  const recommendations = () => `${f.base}/recommendations`;
  const statusReports = () => `${f.base}/recommendations/${recommendationId}/status-reports`;
  const statusReport = () => ({ committeeId: f.committeeId, status: 'in_progress', summary: 'Begonnen.', evidence: [], reportedOn: '2026-06-15' });

  /** POSTs a raw text, so the test decides every byte (JSON.stringify would turn a __proto__ key into a prototype). */
  const postRaw = (path: string, raw: string, headers = actors.office(), contentType = 'application/json') =>
    request(t.url).post(path).set(headers).set('Content-Type', contentType).send(raw);

  function expectProblem(res: request.Response, status: number, code: string, errors: { field: string; message: string }[]) {
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect({ status: res.status, code: res.body.code, errors: res.body.errors }).toEqual({ status, code, errors });
    expect(res.body.status).toBe(status);
  }

  describe('texts that cannot be stored', () => {
    it('refuses \\u0000 in a top-level text, naming it', async () => {
      const res = await request(t.url).post(recommendations()).set(actors.office()).send({ ...adoption(), title: 'Sprach\u0000förderung' });
      expectProblem(res, 400, 'validation', [{ field: 'title', message: CONTROL }]);
    });

    it('refuses a lone surrogate, also inside a list of objects', async () => {
      const body = { ...statusReport(), evidence: [{ title: 'Bericht', url: 'https://example.org/a.pdf' }, { title: 'Anlage \ud800', url: 'https://example.org/b.pdf' }] };
      const res = await request(t.url).post(statusReports()).set(actors.committee(f.committeeId)).send(body);
      expectProblem(res, 400, 'validation', [{ field: 'evidence[1].title', message: SURROGATE }]);
    });

    it('refuses a surrogate written as a JSON escape, and a low surrogate alone', async () => {
      const raw = JSON.stringify({ ...adoption(), text: 'PLACEHOLDER' }).replace('PLACEHOLDER', '\\udc00 Text');
      expectProblem(await postRaw(recommendations(), raw), 400, 'validation', [{ field: 'text', message: SURROGATE }]);
    });

    it('refuses other control characters (BEL, ESC, DEL, C1) in any text, each field named', async () => {
      const res = await request(t.url)
        .post(recommendations())
        .set(actors.office())
        .send({ ...adoption(), reference: '9\u0007', fieldsOfAction: ['ok', 'Esc\u001b'], addressees: { committeeIds: [f.committeeId], decisionMakers: ['Rat\u007f', 'C1\u0085'] } });
      expectProblem(res, 400, 'validation', [
        { field: 'reference', message: CONTROL },
        { field: 'fieldsOfAction[1]', message: CONTROL },
        { field: 'addressees.decisionMakers[0]', message: CONTROL },
        { field: 'addressees.decisionMakers[1]', message: CONTROL },
      ]);
    });

    it('refuses a control character in a member name', async () => {
      const raw = JSON.stringify(adoption()).replace('{', '{"ti\\u0000tle":"x",');
      expectProblem(await postRaw(recommendations(), raw), 400, 'validation', [
        { field: 'ti\u0000tle', message: 'Der Feldname darf keine Steuerzeichen enthalten (erlaubt sind nur Tabulator und Zeilenumbruch).' },
      ]);
    });

    it('refuses a control character in a query parameter', async () => {
      const res = await request(t.url).get(`${f.base}/audit/events?stream=recommendation-%00`).set(actors.auditor());
      expectProblem(res, 400, 'validation', [{ field: 'stream', message: CONTROL }]);
    });
  });

  describe('blank and multi-line text', () => {
    it('refuses a title of blanks only, as an empty one', async () => {
      const res = await request(t.url).post(recommendations()).set(actors.office()).send({ ...adoption(), title: ' \t\u00a0 ', fieldsOfAction: ['   '] });
      expectProblem(res, 400, 'validation', [
        { field: 'title', message: 'Bitte ausfüllen.' },
        { field: 'fieldsOfAction', message: 'Jeder Eintrag: Bitte ausfüllen.' },
      ]);
    });

    it('refuses a line break or tab inside a one-line text (a name, a title, a label)', async () => {
      const res = await request(t.url)
        .post(`${f.base}/committees`)
        .set(actors.office())
        .send({ name: 'Arbeitskreis\nSprache', shortName: 'AK\tS', kind: 'fachgremium', fieldsOfAction: ['Sprach-\nförderung'] });
      expectProblem(res, 400, 'validation', [
        { field: 'name', message: 'Muss einzeilig sein (ohne Zeilenumbruch und Tabulator).' },
        { field: 'shortName', message: 'Muss einzeilig sein (ohne Zeilenumbruch und Tabulator).' },
        { field: 'fieldsOfAction', message: 'Jeder Eintrag: Muss einzeilig sein (ohne Zeilenumbruch und Tabulator).' },
      ]);
    });
  });

  describe('structure', () => {
    it('refuses a body nested thousands of levels deep before anything recurses into it', async () => {
      const depth = 50_000;
      const raw = JSON.stringify(adoption()).replace('{', `{"unbekannt":${'['.repeat(depth)}${']'.repeat(depth)},`);
      // The root is level 1, `unbekannt` level 2; the first list beyond level 16 is named.
      expectProblem(await postRaw(recommendations(), raw), 400, 'validation', [{ field: `unbekannt${'[0]'.repeat(15)}`, message: TOO_DEEP }]);
    });

    it('refuses deep objects inside a free-form field (a correction\u2019s fields)', async () => {
      const raw = `{"correctsEventId":"${f.committeeId}","correctedFields":${'{"a":'.repeat(3000)}1${'}'.repeat(3000)},"reason":"x"}`;
      const res = await postRaw(`${f.base}/recommendations/${recommendationId}/corrections`, raw);
      expectProblem(res, 400, 'validation', [{ field: `correctedFields${'.a'.repeat(15)}`, message: TOO_DEEP }]);
    });

    it.each(['__proto__', 'constructor', 'prototype'])('refuses a member named %s like every unknown field, at any level', async (name) => {
      const raw = JSON.stringify(adoption()).replace('"addressees":{', `"addressees":{"${name}":{"polluted":true},`).replace('{', `{"${name}":{"isAdmin":true},`);
      expectProblem(await postRaw(recommendations(), raw), 400, 'validation', [
        { field: name, message: `Unbekanntes Feld: ${name} ist nicht erlaubt.` },
        { field: `addressees.${name}`, message: `Unbekanntes Feld: addressees.${name} ist nicht erlaubt.` },
      ]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('refuses a number JSON.parse reads as Infinity (1e999), which broke the idempotency hash with a 500', async () => {
      const raw = JSON.stringify({ ...statusReport(), progressPercent: 0 }).replace('"progressPercent":0', '"progressPercent":-1e999');
      const res = await postRaw(statusReports(), raw, { ...actors.committee(f.committeeId), 'Idempotency-Key': 'unendlich' });
      expectProblem(res, 400, 'validation', [{ field: 'progressPercent', message: 'Muss eine endliche Zahl sein.' }]);
    });

    it('answers a text/plain body with 415, not the 403 a guard gave for the committee it could not read', async () => {
      const res = await postRaw(statusReports(), JSON.stringify(statusReport()), actors.committee(f.committeeId), 'text/plain');
      expectProblem(res, 415, 'unsupported-media-type', [{ field: 'Content-Type', message: 'Muss application/json sein, nicht text/plain.' }]);
    });

    it('answers a form-encoded body with 415', async () => {
      const res = await postRaw(statusReports(), 'committeeId=x&status=implemented', actors.committee(f.committeeId), 'application/x-www-form-urlencoded');
      expectProblem(res, 415, 'unsupported-media-type', [{ field: 'Content-Type', message: 'Muss application/json sein, nicht application/x-www-form-urlencoded.' }]);
    });

    it('answers a JSON list with 400 (the body must be one object), not 403', async () => {
      const res = await postRaw(statusReports(), JSON.stringify([statusReport()]), actors.committee(f.committeeId));
      expectProblem(res, 400, 'validation', [{ field: '', message: NOT_AN_OBJECT }]);
    });

    it.each([
      ['no committeeId', {}, 'Bitte ausfüllen.'],
      ['a committeeId that is a number', { committeeId: 42 }, 'Muss eine UUID sein.'],
      ['a committeeId that is no uuid', { committeeId: 'gremium-1' }, 'Muss eine UUID sein.'],
    ])('answers a committee member\u2019s command with %s with 400 (as for any role), not 403', async (_, committee, message) => {
      const { committeeId: _omitted, ...rest } = statusReport();
      const res = await request(t.url).post(statusReports()).set(actors.committee(f.committeeId)).send({ ...rest, ...committee });
      expectProblem(res, 400, 'validation', [{ field: 'committeeId', message }]);
    });

    it('still refuses a committee member acting for another committee (a well-formed id) with 403', async () => {
      const res = await request(t.url).post(statusReports()).set(actors.committee(f.committeeId)).send({ ...statusReport(), committeeId: f.otherCommitteeId });
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'permission.committee' });
    });

    it('answers malformed JSON with 400 and an errors list', async () => {
      expectProblem(await postRaw(recommendations(), '{"title": '), 400, 'malformed-json', [{ field: '', message: 'Ist kein gültiges JSON-Objekt.' }]);
    });

    it('answers a JSON body in a charset other than UTF-8 with 415', async () => {
      const res = await postRaw(recommendations(), JSON.stringify(adoption()), actors.office(), 'application/json; charset=latin1');
      expectProblem(res, 415, 'unsupported-media-type', [{ field: 'Content-Type', message: 'Muss application/json; charset=utf-8 sein.' }]);
    });
  });

  describe('positions beyond PostgreSQL\u2019s bigint', () => {
    it.each([
      ['export', 'toPosition'],
      ['events', 'cursor'],
    ])('audit/%s?%s=2^63 is a 400 naming the parameter', async (endpoint, parameter) => {
      const res = await request(t.url).get(`${f.base}/audit/${endpoint}?${parameter}=9223372036854775808`).set(actors.auditor());
      expectProblem(res, 400, 'validation', [{ field: parameter, message: `${parameter} muss eine Position sein (ganze Zahl von 0 bis 9223372036854775807).` }]);
    });

    it('the largest bigint is a well-formed position that names no event', async () => {
      const res = await request(t.url).get(`${f.base}/audit/export?toPosition=9223372036854775807`).set(actors.auditor());
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'audit.unknown-position' });
    });
  });

  it('wrote nothing for any of the above', async () => {
    expect(await eventLogSnapshot(t.app)).toEqual(before);
  });

  it('stores texts trimmed, and keeps line breaks in a paragraph (the one case above that writes)', async () => {
    const res = await request(t.url)
      .post(recommendations())
      .set(actors.office())
      .send({ ...adoption(), title: '  Sprachförderung ausbauen \n', text: 'Erster Absatz.\n\n\tZweiter Absatz.', fieldsOfAction: [' Inklusion '] })
      .expect(201);
    const data = (res.body as { events: { data: Record<string, unknown> }[] }).events[0]!.data;
    expect({ title: data.title, text: data.text, fieldsOfAction: data.fieldsOfAction }).toEqual({
      title: 'Sprachförderung ausbauen',
      text: 'Erster Absatz.\n\n\tZweiter Absatz.',
      fieldsOfAction: ['Inklusion'],
    });
  });
});
