import { randomUUID } from 'node:crypto';
import type { EventToAppend } from '@app/event-store';

export interface PlannedEvent {
  streamId: string;
  event: EventToAppend;
}

/** n events spread round-robin over `streams` streams, with a payload about the size of a real one. */
export function plan(n: number, streams: number, prefix: string): PlannedEvent[] {
  return Array.from({ length: n }, (_, i) => ({
    streamId: `${prefix}-${i % streams}`,
    event: {
      id: randomUUID(),
      type: 'RecommendationStatusReported',
      data: { recommendationId: `${prefix}-${i % streams}`, status: 'in_umsetzung', note: `Bericht ${i} über die Umsetzung der Empfehlung`, seq: i },
      metadata: { correlationId: randomUUID(), actor: 'bench' },
    },
  }));
}

/** Splits the plan among writers so each stream keeps its order within one writer where possible. */
export function shares<T>(items: T[], writers: number): T[][] {
  const out: T[][] = Array.from({ length: writers }, () => []);
  items.forEach((item, i) => out[i % writers].push(item));
  return out;
}
