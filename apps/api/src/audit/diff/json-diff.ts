/** One leaf that differs between two derived states: its path (e.g. `handOffs[0].state`), before and after (null: absent). */
export interface StateChange {
  path: string;
  before: unknown;
  after: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Every leaf that differs between two JSON-like values, in a stable order (object keys sorted,
 * arrays by index). Absent and undefined are the same; a whole subtree appearing is one change.
 */
export function jsonDiff(before: unknown, after: unknown, path = ''): StateChange[] {
  if (Object.is(before, after)) return [];
  if (Array.isArray(before) && Array.isArray(after)) {
    const out: StateChange[] = [];
    for (let i = 0; i < Math.max(before.length, after.length); i++) out.push(...jsonDiff(before[i], after[i], `${path}[${i}]`));
    return out;
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => jsonDiff(before[k], after[k], path ? `${path}.${k}` : k));
  }
  if (before === undefined && after === undefined) return [];
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [{ path: path || '.', before: before ?? null, after: after ?? null }];
}
