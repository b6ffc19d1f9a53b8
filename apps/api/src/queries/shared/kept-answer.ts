import type { RegionSnapshot } from './region-snapshot';

/** Answers kept per snapshot; a snapshot holds a few dozen (list pages, cohorts, parameters). */
const MAX_PER_SNAPSHOT = 256;
const kept = new WeakMap<RegionSnapshot, Map<string, Promise<unknown>>>();

let turn: Promise<unknown> = Promise.resolve();

/**
 * Runs `work` after the work queued before it, each in a turn of the event loop of its own. A view
 * at a new point can take half a second of CPU (the committee scorecard of a large region); when a
 * fold finishes, every board waiting for it would otherwise be computed back to back before the
 * process reads its sockets again, and a command's answer would wait for all of them.
 */
function inTurn<T>(work: () => T): Promise<T> {
  const next = turn.then(() => new Promise<void>((resolve) => setImmediate(resolve))).then(work);
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
