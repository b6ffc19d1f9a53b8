import type { CommandOutcome } from './command-request';

/** The HTTP answer of a command, kept whole so an Idempotency-Key can replay it exactly. */
export interface CommandAnswer {
  status: number;
  headers: Record<string, string>;
  body: CommandAnswerBody;
}

export interface CommandAnswerBody extends CommandOutcome {
  /** The id of the resource the command created or changed. */
  id: string;
}

export const etagOf = (revision: number | bigint) => `"${revision}"`;

/**
 * 201 with the new revision as ETag; `location` for a created resource. A replay of an earlier
 * request with the same Idempotency-Key gives the same answer, marked `Idempotent-Replayed: true`.
 */
export function answerOf(id: string, outcome: CommandOutcome, location?: string): CommandAnswer {
  const { replayed, ...written } = outcome;
  return {
    status: 201,
    headers: { ETag: etagOf(outcome.revision), ...(location ? { Location: location } : {}), ...(replayed ? { 'Idempotent-Replayed': 'true' } : {}) },
    body: { id, ...written },
  };
}
