import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { actInRegion, actors, type ActorHeaders } from '../support/actors';

/**
 * The worked example of metrics.md ("8. BK", adopted 2018-11-20, asOf 2021-06-30), built through
 * the write API as the office, the steering group and the committees would record it. Two entries
 * are back-dated and recorded last, after `beforeLateEntries`: R1's sustainability review
 * (2020-11-01) and R2's status report (2019-09-01). `knownAt` = `beforeLateEntries` must not see them.
 */
export interface WorkedExample {
  regionId: string;
  base: string;
  bk8: string;
  bk9: string;
  c1: string;
  c2: string;
  c3: string;
  r: { r1: string; r2: string; r3: string; r4: string; r5: string };
  indicatorId: string;
  /** An instant after every other entry and before the two late ones. */
  beforeLateEntries: string;
}

async function post(url: string, path: string, body: object, headers: ActorHeaders): Promise<{ id: string; events: { data: Record<string, unknown> }[] }> {
  const res = await request(url).post(path).set(headers).send(body);
  if (res.status !== 201) throw new Error(`POST ${path} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; events: { data: Record<string, unknown> }[] };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function buildWorkedExample(url: string): Promise<WorkedExample> {
  const regionId = randomUUID();
  actInRegion(regionId);
  const office = actors.office();
  const steering = actors.steering();
  await post(url, '/api/regions', { regionId, name: 'Bildungsregion Beispielstadt', contractSignedOn: '2009-08-24' }, office);
  const base = `/api/regions/${regionId}`;

  const conference = (number: number, date: string, effectiveOn: string) =>
    post(url, `${base}/conferences`, { number, kind: 'bildungskonferenz', title: `${number}. Bildungskonferenz`, date, topics: ['Übergänge'], effectiveOn }, office);
  const bk8 = (await conference(8, '2018-11-20', '2018-06-01')).id;
  const bk9 = (await conference(9, '2019-11-26', '2019-01-10')).id;
  await post(url, `${base}/conferences/${bk8}/held`, { heldOn: '2018-11-20' }, office);

  const committee = (name: string, shortName: string, field: string) =>
    post(url, `${base}/committees`, { name, shortName, kind: 'fachgremium', fieldsOfAction: [field], effectiveOn: '2018-01-01' }, office);
  const c1 = (await committee('Fachgremium Übergang Schule/Beruf', 'FG ÜSB', 'Übergang Schule/Beruf')).id;
  const c2 = (await committee('Fachgremium Inklusion', 'FG Inkl', 'Inklusion')).id;
  const c3 = (await committee('Fachgremium Bildungsförderung 0–10', 'FG 0–10', 'Bildungsförderung 0–10')).id;

  const adopt = async (n: number, field: string) =>
    (
      await post(
        url,
        `${base}/recommendations`,
        {
          conferenceId: bk8,
          reference: `8. BK / ${n}`,
          title: `Empfehlung ${n}`,
          text: `Die Bildungskonferenz empfiehlt Maßnahme ${n}.`,
          fieldsOfAction: [field],
          addressees: { committeeIds: [], decisionMakers: ['Rat der Stadt'] },
          originCommitteeIds: [],
          adoptedOn: '2018-11-20',
        },
        office,
      )
    ).id;
  const r = {
    r1: await adopt(1, 'Übergang Schule/Beruf'),
    r2: await adopt(2, 'Inklusion'),
    r3: await adopt(3, 'Übergang Schule/Beruf'),
    r4: await adopt(4, 'Inklusion'),
    r5: await adopt(5, 'Inklusion'),
  };
  const rec = (id: string) => `${base}/recommendations/${id}`;
  const handOff = (id: string, committeeId: string, decidedOn: string, reportDueOn: string) =>
    post(url, `${rec(id)}/hand-offs`, { committeeId, mandate: 'Umsetzen und berichten', decidedOn, reportDueOn }, steering);
  const accept = (id: string, committeeId: string, on: string) => post(url, `${rec(id)}/hand-offs/${committeeId}/acceptance`, { on }, actors.committee(committeeId));
  const report = (id: string, committeeId: string, status: string, reportedOn: string, nextReportDueOn?: string) =>
    post(
      url,
      `${rec(id)}/status-reports`,
      { committeeId, status, summary: `Stand: ${status}`, evidence: [], reportedOn, ...(nextReportDueOn ? { nextReportDueOn } : {}) },
      actors.committee(committeeId),
    );

  // R1
  await handOff(r.r1, c1, '2019-01-15', '2019-06-30');
  await accept(r.r1, c1, '2019-02-01');
  await report(r.r1, c1, 'in_progress', '2019-06-01');
  await report(r.r1, c1, 'implemented', '2019-10-15');
  const indicator = await post(
    url,
    `${rec(r.r1)}/indicators`,
    {
      committeeId: c1,
      name: 'Jugendliche mit Anschlussperspektive',
      unit: 'Prozent',
      direction: 'increase',
      baseline: { value: 10, on: '2018-12-01' },
      target: { value: 30, dueOn: '2021-12-31' },
      source: 'Schulstatistik',
      effectiveOn: '2019-10-20',
    },
    actors.committee(c1),
  );
  const indicatorId = indicator.events[0]!.data.indicatorId as string;
  await post(url, `${rec(r.r1)}/indicators/${indicatorId}/measurements`, { committeeId: c1, value: 25, measuredOn: '2020-03-01', source: 'Schulstatistik' }, actors.committee(c1));
  await post(url, `${rec(r.r1)}/outcome-reports`, { conferenceId: bk9, summary: 'Umgesetzt.', effectiveOn: '2020-12-01' }, office);

  // R2 (its report comes late, below)
  await handOff(r.r2, c2, '2019-04-10', '2019-10-01');
  await accept(r.r2, c2, '2019-06-20');

  // R3
  await handOff(r.r3, c1, '2019-02-01', '2019-08-01');
  // The office records C1's answer on its behalf (the page says so).
  await post(url, `${rec(r.r3)}/hand-offs/${c1}/decline`, { on: '2019-02-20', reason: 'Nicht zuständig.' }, actors.officeFor(c1));
  await handOff(r.r3, c3, '2019-03-01', '2019-09-01');
  await accept(r.r3, c3, '2019-03-10');
  await report(r.r3, c3, 'partially_implemented', '2020-01-10');
  await post(url, `${rec(r.r3)}/sustainability-reviews`, { reviewedOn: '2021-02-01', outcome: 'lapsed', anchoring: ['none'], note: 'Nicht fortgeführt.' }, steering);

  // R4
  await post(url, `${rec(r.r4)}/withdrawal`, { reason: 'Erledigt durch Landesprogramm.', effectiveOn: '2019-05-01' }, steering);

  // The late entries: recorded now, dated in the past.
  await sleep(20);
  const beforeLateEntries = new Date().toISOString();
  await sleep(20);
  await post(url, `${rec(r.r1)}/sustainability-reviews`, { reviewedOn: '2020-11-01', outcome: 'sustained', anchoring: ['budget'], note: 'Im Haushalt verankert.' }, steering);
  await report(r.r2, c2, 'in_progress', '2019-09-01', '2020-03-01');

  return { regionId, base, bk8, bk9, c1, c2, c3, r, indicatorId, beforeLateEntries };
}

/** A response body as bytes (supertest `.buffer(true).parse(bytesParser)`): a CSV test must see the BOM itself, which text decoders may swallow. */
export function bytesParser(res: request.Response, callback: (err: Error | null, body: Buffer) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** The CSV's lines after checking the BOM bytes (every line ends in CRLF, so the last element is empty). */
export function csvLines(bytes: Buffer): string[] {
  if (bytes[0] !== 0xef || bytes[1] !== 0xbb || bytes[2] !== 0xbf) throw new Error(`CSV without UTF-8 BOM: ${bytes.subarray(0, 3).toString('hex')}`);
  return bytes.subarray(3).toString('utf8').split('\r\n');
}
