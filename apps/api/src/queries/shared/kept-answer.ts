import type { RegionSnapshot } from './region-snapshot';

/** Answers kept per snapshot; a snapshot holds a few dozen (list pages, cohorts, parameters). */
const MAX_PER_SNAPSHOT = 256;
const kept = new WeakMap<RegionSnapshot, Map<string, Promise<unknown>>>();

let turn: Promise<unknown> = Promise.resolve();
/** How long the last computation took: the next one waits as long (half the process's time at most). */
let lastMs = 0;

/**
 * Runs `work` after the work queued before it, and only after the process has had as much time for
 * everything else as the computation before took. A view at a new point can take half a second of
 * CPU (the committee scorecard of a large region); when a fold finishes, every board waiting for it
 * would otherwise be computed back to back, and a command, which needs several round trips to the
 * database and so several turns of the event loop, would wait for all of them.
 */
function inTurn<T>(work: () => T): Promise<T> {
  const next = turn
    .then(() => new Promise<void>((resolve) => setTimeout(resolve, lastMs)))
    .then(() => {
      const started = performance.now();
      try {
        return work();
      } finally {
        lastMs = Math.min(1000, performance.now() - started);
      }
    });
  turn = next.catch(() => undefined);
  return next;
}

/**
 * A view's answer computed once per snapshot and question. A snapshot is the region at a time
 * point as of one version of its log (region-history.ts keeps it until an event of the region is
 * added), and the views are pure functions of it, so the same question gets the same answer until
 * then: a board asked a hundred times a second is computed once, and requests arriving while it is
 * computed wait for that one computation. The answer is shared: callers must not change it. A
 * failure (a 404 for a foreign conference) is not kept.
 */
export function keptAnswer<T>(snapshot: RegionSnapshot, question: object, compute: () => T): Promise<T> {
  const key = `${question.constructor.name}:${JSON.stringify(question)}`;
  let answers = kept.get(snapshot);
  if (!answers) kept.set(snapshot, (answers = new Map()));
  const known = answers.get(key);
  if (known) return known as Promise<T>;
  const answer = inTurn(compute);
  answer.catch(() => {
    if (answers.get(key) === answer) answers.delete(key);
  });
  if (answers.size >= MAX_PER_SNAPSHOT) answers.delete(answers.keys().next().value!);
  answers.set(key, answer);
  return answer;
}
