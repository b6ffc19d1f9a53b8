import type { RegionSnapshot } from './region-snapshot';

/** Answers kept per snapshot; a snapshot holds a few dozen (list pages, cohorts, parameters). */
const MAX_PER_SNAPSHOT = 256;
const kept = new WeakMap<RegionSnapshot, Map<string, unknown>>();

/**
 * A view's answer computed once per snapshot and question. A snapshot is the region at a time
 * point as of one version of its log (region-history.ts keeps it until an event of the region is
 * added), and the views are pure functions of it, so the same question gets the same answer until
 * then: a board asked a hundred times a second is computed once. The answer is shared: callers
 * must not change it. A failure (a 404 for a foreign conference) is not kept.
 */
export function keptAnswer<T>(snapshot: RegionSnapshot, question: object, compute: () => T): T {
  const key = `${question.constructor.name}:${JSON.stringify(question)}`;
  let answers = kept.get(snapshot);
  if (!answers) kept.set(snapshot, (answers = new Map()));
  if (answers.has(key)) return answers.get(key) as T;
  const answer = compute();
  if (answers.size >= MAX_PER_SNAPSHOT) answers.delete(answers.keys().next().value!);
  answers.set(key, answer);
  return answer;
}
