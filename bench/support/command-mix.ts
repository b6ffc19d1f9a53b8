import { randomUUID } from 'node:crypto';
import { DEMO_ACCOUNTS } from '../../apps/api/src/auth/demo-accounts';
import { DEMO_REGION_ID } from '../../apps/api/src/demo/demo-ids';
import type { BenchClient, HttpAnswer } from './http';

/** What a workload's command needs to know about the demo region, learnt through the API itself. */
export interface CommandTargets {
  regionId: string;
  tokens: { office: string; steering: string; committee: string; auditor: string };
  /** The demo committee member's committee that accepted the benchmark's recommendations. */
  committeeId: string;
  /** Recommendations made for the benchmark, each handed off to `committeeId`, accepted, with one indicator. */
  recommendations: Array<{ id: string; indicatorId: string }>;
  /** Active committees the steering group may still hand recommendations to. */
  otherCommittees: string[];
  conferenceId: string;
  /** Today in the server's terms at the latest (UTC date: never ahead of Europe/Berlin). */
  today: string;
}

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

function expectStatus(answer: HttpAnswer, status: number, what: string): void {
  if (answer.status !== status) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
}

export async function login(client: BenchClient): Promise<CommandTargets['tokens']> {
  const token = async (role: string) => {
    const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
    const answer = await client.send('POST', '/api/auth/login', {}, { email: account.email, password: account.password });
    expectStatus(answer, 200, `login ${account.email}`);
    return (answer.body as { accessToken: string }).accessToken;
  };
  return { office: await token('office'), steering: await token('steering'), committee: await token('committee'), auditor: await token('auditor') };
}

/**
 * Prepares `count` recommendations in the demo region through the API (adopted at the latest held
 * conference, handed off to the demo committee member's first committee, accepted, one indicator
 * each), with Idempotency-Keys, so a second run on the same data writes nothing new.
 */
export async function prepareTargets(client: BenchClient, count: number): Promise<CommandTargets> {
  const tokens = await login(client);
  const regionId = DEMO_REGION_ID;
  const base = `/api/regions/${regionId}`;
  const me = await client.send('GET', '/api/auth/me', auth(tokens.committee));
  expectStatus(me, 200, 'auth/me');
  const committeeId = (me.body as { committeeIds: string[] }).committeeIds[0]!;
  const conferences = await client.send('GET', `${base}/conferences?status=held&limit=200`, auth(tokens.office));
  expectStatus(conferences, 200, 'conferences');
  const held = (conferences.body as { items: Array<{ conferenceId: string; date: string }> }).items.sort((a, b) => a.date.localeCompare(b.date));
  const conferenceId = held.at(-1)!.conferenceId;
  const adoptedOn = held.at(-1)!.date;
  const committees = await client.send('GET', `${base}/committees?status=active&limit=200`, auth(tokens.office));
  expectStatus(committees, 200, 'committees');
  const otherCommittees = (committees.body as { items: Array<{ committeeId: string }> }).items.map((c) => c.committeeId).filter((id) => id !== committeeId);
  const today = new Date().toISOString().slice(0, 10);

  const recommendations: CommandTargets['recommendations'] = [];
  const prepare = async (i: number) => {
    const key = (what: string) => ({ 'idempotency-key': `bench:${i}:${what}` });
    const adopted = await client.send('POST', `${base}/recommendations`, { ...auth(tokens.office), ...key('adopt') }, {
      conferenceId,
      reference: `Bench / ${i + 1}`,
      title: `Benchmark-Empfehlung ${i + 1}`,
      text: 'Eine Empfehlung, die nur der Lastmessung dient.',
      fieldsOfAction: ['Übergang Schule/Beruf'],
      addressees: { committeeIds: [committeeId], decisionMakers: ['Rat der Stadt'] },
      originCommitteeIds: [],
      adoptedOn,
    });
    expectStatus(adopted, 201, 'adopt');
    const id = (adopted.body as { id: string }).id;
    const path = `${base}/recommendations/${id}`;
    expectStatus(
      await client.send('POST', `${path}/hand-offs`, { ...auth(tokens.steering), ...key('hand-off') }, {
        committeeId,
        mandate: 'Umsetzen und berichten',
        reportDueOn: today,
        decidedOn: today,
      }),
      201,
      'hand-off',
    );
    expectStatus(await client.send('POST', `${path}/hand-offs/${committeeId}/acceptance`, { ...auth(tokens.committee), ...key('accept') }, { on: today }), 201, 'accept');
    const indicator = await client.send('POST', `${path}/indicators`, { ...auth(tokens.committee), ...key('indicator') }, {
      committeeId,
      name: `Anteil erreichter Schulen (${i + 1})`,
      unit: 'Prozent',
      direction: 'increase',
      baseline: { value: 10, on: adoptedOn },
      target: { value: 80, dueOn: '2030-07-31' },
      source: 'Schulstatistik',
    });
    expectStatus(indicator, 201, 'indicator');
    const indicatorId = (indicator.body as { events: Array<{ data: { indicatorId: string } }> }).events[0]?.data.indicatorId;
    recommendations[i] = { id, indicatorId: indicatorId! };
  };
  for (let i = 0; i < count; i += 8) await Promise.all(Array.from({ length: Math.min(8, count - i) }, (_, j) => prepare(i + j)));
  return { regionId, tokens, committeeId, recommendations, otherCommittees, conferenceId, today };
}

export interface PlannedCommand {
  kind: 'status report' | 'measurement' | 'hand-off';
  method: 'POST';
  path: string;
  headers: Record<string, string>;
  body: object;
  /** The recommendation whose revision the command expects (If-Match) and moves (ETag). */
  recommendationId: string;
}

/**
 * The benchmark's mix of commands: 60 % status reports, 20 % measurements (both by the committee
 * member), 20 % hand-offs by the steering group (each recommendation to each further committee
 * once; when none is left, a status report instead). Every command carries an Idempotency-Key and
 * If-Match with the last revision any answer reported for that recommendation.
 */
export class CommandMix {
  private readonly revisions = new Map<string, number>();
  private handOffs: Array<{ recommendationId: string; committeeId: string }>;
  private counter = 0;

  constructor(private readonly t: CommandTargets) {
    this.handOffs = t.otherCommittees.flatMap((committeeId) => t.recommendations.map((r) => ({ recommendationId: r.id, committeeId })));
  }

  /** Revisions as the preparation left them (one GET each). */
  async learnRevisions(client: BenchClient): Promise<void> {
    for (const r of this.t.recommendations) {
      const answer = await client.send('GET', `/api/regions/${this.t.regionId}/recommendations/${r.id}`, auth(this.t.tokens.office));
      expectStatus(answer, 200, 'get recommendation');
      this.revisions.set(r.id, (answer.body as { revision: number }).revision);
    }
  }

  next(): PlannedCommand {
    const n = this.counter++;
    const roll = n % 10;
    const base = `/api/regions/${this.t.regionId}/recommendations`;
    const key = { 'idempotency-key': randomUUID() };
    if (roll >= 8 && this.handOffs.length > 0) {
      const { recommendationId, committeeId } = this.handOffs.pop()!;
      return this.planned('hand-off', `${base}/${recommendationId}/hand-offs`, this.t.tokens.steering, key, recommendationId, {
        committeeId,
        mandate: 'Prüfen und berichten',
        reportDueOn: this.t.today,
        decidedOn: this.t.today,
      });
    }
    const target = this.t.recommendations[Math.floor(Math.random() * this.t.recommendations.length)]!;
    if (roll >= 6 && roll < 8) {
      return this.planned('measurement', `${base}/${target.id}/indicators/${target.indicatorId}/measurements`, this.t.tokens.committee, key, target.id, {
        committeeId: this.t.committeeId,
        value: 10 + (n % 70),
        measuredOn: this.t.today,
        source: 'Schulstatistik',
      });
    }
    return this.planned('status report', `${base}/${target.id}/status-reports`, this.t.tokens.committee, key, target.id, {
      committeeId: this.t.committeeId,
      status: 'in_progress',
      progressPercent: n % 100,
      summary: `Zwischenstand ${n}: die Umsetzung läuft.`,
      evidence: [],
      reportedOn: this.t.today,
    });
  }

  private planned(kind: PlannedCommand['kind'], path: string, token: string, key: Record<string, string>, recommendationId: string, body: object): PlannedCommand {
    const revision = this.revisions.get(recommendationId);
    return {
      kind,
      method: 'POST',
      path,
      headers: { ...auth(token), ...key, ...(revision !== undefined ? { 'if-match': `"${revision}"` } : {}) },
      body,
      recommendationId,
    };
  }

  /** Learns the stream's revision from an answer: the ETag of a 201, `currentRevision` of a 412. */
  observe(command: PlannedCommand, answer: HttpAnswer): void {
    if (answer.status === 201) {
      const etag = /"(\d+)"/.exec(String(answer.headers.etag ?? ''));
      if (etag) this.revisions.set(command.recommendationId, Math.max(Number(etag[1]), this.revisions.get(command.recommendationId) ?? -1));
    } else if (answer.status === 412) {
      const current = (answer.body as { currentRevision?: number } | undefined)?.currentRevision;
      if (typeof current === 'number') this.revisions.set(command.recommendationId, Math.max(current, this.revisions.get(command.recommendationId) ?? -1));
    }
  }
}
