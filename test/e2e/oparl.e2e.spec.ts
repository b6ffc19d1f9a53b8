import request from 'supertest';
import type { ValidateFunction } from 'ajv';
import { actors } from '../support/actors';
import { LIST_HEADER, csvOf } from '../support/import-files';
import { oparlErrors, oparlValidators } from '../support/oparl-validator';
import { setUpRegion, adoptionBody, type RegionFixture } from '../support/region-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

type Obj = { id: string; type: string; created: string; modified: string; deleted?: boolean; [k: string]: unknown };
type ListPage = { data: Obj[]; pagination: { totalElements: number; elementsPerPage: number; currentPage: number; totalPages: number }; links: Record<string, string> };

/** Until the server clock has passed `instant` (record times are milliseconds). */
async function clockPast(instant: Date): Promise<void> {
  while (Date.now() <= instant.getTime() + 1) await new Promise((resolve) => setImmediate(resolve));
}

describe('OParl 1.1 for a region with public views', () => {
  let t: TestApp;
  let f: RegionFixture;
  let hidden: RegionFixture;
  let validators: Record<string, ValidateFunction>;
  let oparl: string;
  let kept: string;
  let withdrawn: string;
  let between: Date;
  /** As a client reaching the server under a public name: ids are absolute URLs on it. */
  const HOST = 'ratsinfo.bildungsregion.example.de';
  const get = async (url: string, status = 200) => {
    const res = await request(t.url).get(url.replace(`http://${HOST}`, '')).set('Host', HOST);
    expect([url, res.status]).toEqual([url, status]);
    return res;
  };

  beforeAll(async () => {
    validators = oparlValidators();
    t = await startTestApp();
    f = await setUpRegion(t.url);
    hidden = await setUpRegion(t.url);
    await request(t.url).put(`${f.base}/settings/public-views`).set(actors.office()).send({ enabled: true }).expect(200);
    oparl = `http://${HOST}/oparl/v1/bodies/${f.regionId}`;

    // 1,000 recommendations of one conference, brought in by the import.
    const rows = Array.from({ length: 1000 }, (_, i) => ['9. Bildungskonferenz', '12.03.2026', String(100 + i), `Empfehlung ${i}`, `Wortlaut ${i}`, 'Inklusion', '', '', '', '', '', '']);
    const started = await request(t.url).post(`${f.base}/imports`).set(actors.office()).attach('file', csvOf([LIST_HEADER, ...rows], { separator: ';', encoding: 'utf8' }), 'liste.csv');
    expect(started.status).toBe(202);
    for (;;) {
      const job = await request(t.url).get(started.headers.location!).set(actors.office());
      if (job.body.state !== 'running') {
        expect(job.body).toMatchObject({ state: 'done', done: 1000 });
        break;
      }
    }
    // OParl times have whole seconds: the boundary is the next full second, and the story below
    // starts a second after it, so no object of either side shares its second with it.
    between = new Date(Math.ceil((Date.now() + 1) / 1000) * 1000);
    await clockPast(new Date(between.getTime() + 1000));

    // Then the story of two more: a hand-off accepted with a contact person, a report with evidence, one withdrawn, one hand-off withdrawn.
    const adopt = async (reference: string) => (await request(t.url).post(`${f.base}/recommendations`).set(actors.office()).send({ ...adoptionBody(f.conferenceId, [f.committeeId]), reference }).expect(201)).body.id as string;
    kept = await adopt('9. BK / 1');
    withdrawn = await adopt('9. BK / 2');
    const rec = `${f.base}/recommendations/${kept}`;
    await request(t.url).post(`${rec}/hand-offs`).set(actors.steering()).send({ committeeId: f.committeeId, mandate: 'Umsetzen', reportDueOn: '2026-12-01', decidedOn: '2026-04-15' }).expect(201);
    await request(t.url).post(`${rec}/hand-offs/${f.committeeId}/acceptance`).set(actors.committee(f.committeeId)).send({ on: '2026-05-04', contact: 'Frau Privat, frau.privat@beispiel.de' }).expect(201);
    await request(t.url)
      .post(`${rec}/status-reports`)
      .set(actors.committee(f.committeeId))
      .send({ committeeId: f.committeeId, status: 'in_progress', summary: 'Läuft; Ansprechpartnerin Frau Privat', evidence: [{ title: 'Konzept Berufsorientierung', url: 'https://www.example.org/konzept.pdf' }], reportedOn: '2026-06-01' })
      .expect(201);
    await request(t.url).post(`${rec}/hand-offs`).set(actors.steering()).send({ committeeId: f.otherCommitteeId, mandate: 'Mitberaten', reportDueOn: '2026-12-01', decidedOn: '2026-04-15' }).expect(201);
    await request(t.url).post(`${rec}/hand-offs/${f.otherCommitteeId}/withdrawal`).set(actors.steering()).send({ reason: 'Interna des Lenkungskreises' }).expect(201);
    await request(t.url).post(`${f.base}/recommendations/${withdrawn}/withdrawal`).set(actors.steering()).send({ reason: 'Geheimer Grund' }).expect(201);
  }, 300_000);
  afterAll(() => t.close());

  /** Every page of a list, following `links.next`. */
  async function all(url: string): Promise<{ pages: ListPage[]; objects: Obj[] }> {
    const pages: ListPage[] = [];
    for (let next: string | undefined = url; next; ) {
      const page = (await get(next)).body as ListPage;
      pages.push(page);
      next = page.links.next;
    }
    return { pages, objects: pages.flatMap((p) => p.data) };
  }

  it('System → Body → every list and object: valid against the OParl 1.1.1 schemas, ids absolute URLs', async () => {
    const system = (await get('/oparl/v1/system')).body as Obj;
    const bodies = (await get(system.body as string)).body as ListPage;
    expect(bodies.data.map((b) => b.id)).toEqual([oparl]);
    const body = (await get(oparl)).body as Obj;
    expect(body).toMatchObject({ id: oparl, type: 'https://schema.oparl.org/1.1/Body', name: 'Regionales Bildungsnetzwerk Düsseldorf', system: `http://${HOST}/oparl/v1/system` });
    const errors: string[] = [...oparlErrors(validators, system), ...bodies.data.flatMap((b) => oparlErrors(validators, b))];
    const seen: Record<string, number> = {};
    for (const list of ['organization', 'meeting', 'paper', 'agendaItem', 'consultation', 'file', 'person', 'locationList', 'legislativeTermList', 'membership']) {
      const { objects } = await all(body[list] as string);
      for (const [index, o] of objects.entries()) {
        seen[o.type.split('/').at(-1)!] = (seen[o.type.split('/').at(-1)!] ?? 0) + 1;
        errors.push(...oparlErrors(validators, o));
        // Spec 2.4: yyyy-mm-ddThh:mm:ss±hh:mm.
        for (const stamp of [o.created, o.modified]) if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/.test(stamp)) errors.push(`${o.id}: ${stamp}`);
        expect(o.id.startsWith(`${oparl}/`)).toBe(true);
        // Each object at its own address too (the first 30 of a list, and every one of the short lists).
        if (index >= 30) continue;
        const single = (await get(o.id)).body as Obj;
        errors.push(...oparlErrors(validators, single));
        for (const embedded of [...((single.consultation as Obj[] | undefined) ?? []), ...((single.agendaItem as Obj[] | undefined) ?? []), ...((single.auxiliaryFile as Obj[] | undefined) ?? [])]) {
          if (typeof embedded === 'object') errors.push(...oparlErrors(validators, embedded));
        }
      }
    }
    expect(errors).toEqual([]);
    expect(seen).toEqual({ Organization: 4, Meeting: 2, Paper: 1001, AgendaItem: 1001, Consultation: 1, File: 1 });
  }, 600_000);

  it('maps the recommendation, its hand-offs and evidence', async () => {
    const paper = (await get(`${oparl}/papers/${kept}`)).body as Obj;
    expect(paper).toMatchObject({
      type: 'https://schema.oparl.org/1.1/Paper',
      name: 'Berufsorientierung ab Klasse 8 verbindlich verankern',
      reference: '9. BK / 1',
      date: '2026-03-12',
      paperType: 'Empfehlung',
      body: oparl,
      keyword: ['Übergang Schule/Beruf'],
      originatorOrganization: [`${oparl}/organizations/bildungskonferenz`],
      underDirectionOf: [`${oparl}/organizations/lenkungskreis`],
      web: `http://${HOST}/#/oeffentlich/${f.regionId}/empfehlung/${kept}`,
    });
    expect((paper.consultation as Obj[]).map(({ organization, role, authoritative }) => ({ organization, role, authoritative }))).toEqual([
      { organization: [`${oparl}/organizations/${f.committeeId}`], role: 'Umsetzungsauftrag des Lenkungskreises – angenommen', authoritative: true },
    ]);
    expect((paper.auxiliaryFile as Obj[]).map((x) => [x.name, x.accessUrl])).toEqual([['Konzept Berufsorientierung', 'https://www.example.org/konzept.pdf']]);
    const meeting = (await get(`${oparl}/meetings/${f.conferenceId}`)).body as Obj;
    expect(meeting).toMatchObject({ name: '9. Bildungskonferenz', meetingState: 'terminiert', start: '2026-03-12T00:00:00+01:00', organization: [`${oparl}/organizations/bildungskonferenz`] });
    // "9. BK / 2" is withdrawn: left out of the embedded agenda, but it keeps its place in the order.
    expect((meeting.agendaItem as Obj[]).slice(0, 2).map((a) => [a.number, a.order, a.name])).toEqual([['1', 1, 'Berufsorientierung ab Klasse 8 verbindlich verankern'], ['100', 3, 'Empfehlung 0']]);
    expect(((await get(`${oparl}/agenda-items/${(await all(`${oparl}/agenda-items`)).objects.find((a) => a.name === 'Empfehlung 0')!.id.split('/').at(-1)}`)).body as Obj).order).toBe(3);
  });

  it('a withdrawn recommendation and a withdrawn hand-off: deleted: true with id, type, created, modified only', async () => {
    const paper = (await get(`${oparl}/papers/${withdrawn}`)).body as Obj;
    expect(Object.keys(paper).sort()).toEqual(['created', 'deleted', 'id', 'modified', 'type']);
    expect(paper.deleted).toBe(true);
    const consultations = (await all(`${oparl}/consultations?modified_since=${encodeURIComponent(between.toISOString())}`)).objects;
    // In id order, which is random here: compare them as a set.
    expect(consultations.map((c) => [c.organization ?? null, c.deleted ?? false]).sort((a, b) => Number(a[1]) - Number(b[1]))).toEqual([
      [[`${oparl}/organizations/${f.committeeId}`], false],
      [null, true],
    ]);
    // Without modified_since the withdrawn hand-off is not listed at all.
    expect((await all(`${oparl}/consultations`)).objects.map((c) => c.deleted ?? false)).toEqual([false]);
  });

  it('pages through 1,001 papers: 100 per page, stable order, every paper once, links keep the filters', async () => {
    const { pages, objects } = await all(`${oparl}/papers`);
    expect(pages.map((p) => p.data.length)).toEqual([100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 1]);
    expect(pages[0]!.pagination).toEqual({ totalElements: 1001, elementsPerPage: 100, currentPage: 1, totalPages: 11 });
    expect(pages[10]!.links).toMatchObject({ first: `${oparl}/papers`, prev: `${oparl}/papers?page=10`, self: `${oparl}/papers?page=11`, last: `${oparl}/papers?page=11` });
    expect(pages[10]!.links.next).toBeUndefined();
    const ids = objects.map((o) => o.id);
    expect(new Set(ids).size).toBe(1001);
    expect([...ids].sort()).toEqual(ids);
    expect(ids).not.toContain(`${oparl}/papers/${withdrawn}`);

    const filtered = (await get(`${oparl}/papers?created_until=${encodeURIComponent(between.toISOString())}&limit=300`)).body as ListPage;
    expect(filtered.pagination).toEqual({ totalElements: 1000, elementsPerPage: 300, currentPage: 1, totalPages: 4 });
    expect(filtered.links.next).toBe(`${oparl}/papers?created_until=${encodeURIComponent(between.toISOString())}&limit=300&page=2`);
  });

  it('filters by created and modified; deleted objects only with modified_since', async () => {
    const since = encodeURIComponent(between.toISOString());
    const created = (await all(`${oparl}/papers?created_since=${since}`)).objects;
    expect(created.map((p) => p.id)).toEqual([`${oparl}/papers/${kept}`]);
    const modified = (await all(`${oparl}/papers?modified_since=${since}`)).objects;
    expect(modified.map((p) => [p.id, p.deleted ?? false]).sort()).toEqual(
      [
        [`${oparl}/papers/${kept}`, false],
        [`${oparl}/papers/${withdrawn}`, true],
      ].sort(),
    );
    const until = (await get(`${oparl}/papers?modified_until=${since}&created_since=${since}`)).body as ListPage;
    expect(until.pagination.totalElements).toBe(0);
    const bad = await get(`${oparl}/papers?created_since=gestern`, 400);
    expect(bad.body).toMatchObject({ code: 'validation', errors: [{ field: 'created_since' }] });
  });

  it('no internal field in any answer: no actor, account, user id, contact, reason, note or e-mail', async () => {
    const texts: string[] = [];
    for (const list of ['organizations', 'meetings', 'papers', 'agenda-items', 'consultations', 'files']) {
      for (const page of (await all(`${oparl}/${list}?modified_since=2000-01-01T00:00:00Z`)).pages) texts.push(JSON.stringify(page));
    }
    texts.push(JSON.stringify((await get(`${oparl}/papers/${kept}`)).body), JSON.stringify((await get('/oparl/v1/system')).body));
    const leaks = texts.filter((text) => /"(actor|account|accountId|userId|onBehalfOf|contact|reason|note|notes|mandate|summary|email)"|Frau Privat|Geheimer Grund|Interna|buero\.test|system:/.test(text));
    expect(leaks).toEqual([]);
  });

  it('a region without public views, an unknown one, a wrong list: 404; CORS for everyone', async () => {
    expect((await get(`/oparl/v1/bodies/${hidden.regionId}`, 404)).body.code).toBe('public-views.not-enabled');
    expect((await get(`/oparl/v1/bodies/${hidden.regionId}/papers`, 404)).body.code).toBe('public-views.not-enabled');
    await get(`${oparl}/vorlagen`, 404);
    await get(`${oparl}/papers/gibt-es-nicht`, 404);
    const res = await get('/oparl/v1/system');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    // Spec 2.9's error object, which is problem+json too.
    const missing = await get(`${oparl}/papers/gibt-es-nicht`, 404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(missing.body).toEqual({
      type: 'https://schema.oparl.org/1.1/Error',
      title: 'Nicht gefunden',
      status: 404,
      detail: 'Dieses OParl-Objekt gibt es in dieser Körperschaft nicht.',
      code: 'oparl.not-found',
      message: 'Dieses OParl-Objekt gibt es in dieser Körperschaft nicht.',
      debug: 'oparl.not-found',
    });
  });
});
