import type { ExpectedRevision } from './event-store';

/** Whether a stream whose last revision is `actual` meets the writer's expectation. */
export function matches(expected: ExpectedRevision, actual: bigint | 'no_stream'): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return actual === 'no_stream';
  if (expected === 'stream_exists') return actual !== 'no_stream';
  return actual === expected;
}
