import { randomUUID } from 'node:crypto';
import type { Client, Pool } from 'pg';
import { signTestToken } from './auth';

/** One write of the load: a committee registration whose name is unique, so the log shows whether it arrived and how often. */
export interface WriteOutcome {
  name: string;
  /** HTTP status, or the network error's code when no answer came (a reset, a refused connection). */
  status: number | string;
  contentType?: string;
}

export interface WriteLoad {
  outcomes: WriteOutcome[];
  count(status: number | string): number;
  /** Stops starting new writes; resolves when every write in flight has its outcome. */
  stop(): Promise<void>;
}

/**
 * `writers` loops, each POSTing one committee after the other to the given APIs in turn, over
 * keep-alive connections, until stopped. A 503 or a network error pauses that writer briefly, so an
 * outage is not a busy loop on a 2-core machine.
 */
export function startWriteLoad(options: { urls: () => string[]; regionId: string; writers: number; label: string }): WriteLoad {
  const outcomes: WriteOutcome[] = [];
  let stopped = false;
  const token = signTestToken('office', { userId: `buero.${options.label}`, regionIds: [options.regionId] });
  const writer = async (w: number) => {
    for (let n = 0; !stopped; n++) {
      const urls = options.urls();
      const name = `Gremium ${options.label} ${w}-${n}`;
      const outcome: WriteOutcome = { name, status: 'pending' };
      outcomes.push(outcome);
      try {
        const res = await fetch(`${urls[(w + n) % urls.length]}/api/regions/${options.regionId}/committees`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
          body: JSON.stringify({ name, shortName: `G${w}-${n}`, kind: 'fachgremium', fieldsOfAction: ['Inklusion'], effectiveOn: '2024-02-01' }),
        });
        outcome.contentType = res.headers.get('content-type') ?? undefined;
        await res.arrayBuffer();
        outcome.status = res.status;
      } catch (error) {
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        outcome.status = cause?.code ?? cause?.message ?? String(error);
      }
      if (outcome.status !== 201) await new Promise((r) => setTimeout(r, 100));
    }
  };
  const running = Promise.all(Array.from({ length: options.writers }, (_, w) => writer(w)));
  return {
    outcomes,
    count: (status) => outcomes.filter((o) => o.status === status).length,
    async stop() {
      stopped = true;
      await running;
    },
  };
}

/** How often each committee name of the load is in the log (names not there are missing). */
export async function registeredNames(db: Pool | Client, label: string): Promise<Map<string, number>> {
  const { rows } = await db.query<{ name: string; n: number }>(
    `SELECT data->>'name' AS name, count(*)::int AS n FROM event_store.events WHERE type = 'CommitteeRegistered' AND data->>'name' LIKE $1 GROUP BY 1`,
    [`Gremium ${label} %`],
  );
  return new Map(rows.map((r) => [r.name, r.n]));
}

/**
 * Every acknowledged write (201) is in the log exactly once; a write answered otherwise is there
 * at most once (a connection lost during COMMIT leaves it either way), and nothing else is.
 */
export function checkExactlyOnce(outcomes: readonly WriteOutcome[], inLog: Map<string, number>): string[] {
  const problems: string[] = [];
  const sent = new Set(outcomes.map((o) => o.name));
  for (const o of outcomes) {
    const n = inLog.get(o.name) ?? 0;
    if (o.status === 201 && n !== 1) problems.push(`${o.name}: acknowledged, ${n} times in the log`);
    if (o.status !== 201 && n > 1) problems.push(`${o.name}: answered ${o.status}, ${n} times in the log`);
  }
  for (const name of inLog.keys()) if (!sent.has(name)) problems.push(`${name}: in the log, never sent`);
  return problems;
}
