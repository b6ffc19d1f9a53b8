import type { Actor, RegionId } from '@app/domain';

/** Everything about a command that is not its data: who, in which region, under which ids, against which revision. */
export interface CommandRequest {
  regionId: RegionId;
  actor: Actor;
  /** The Idempotency-Key as the client sent it, or a generated uuid: one command, one write. */
  commandId: string;
  /**
   * Set only when the command came with an Idempotency-Key; event and aggregate ids are derived from
   * it. Over HTTP it is the client's key scoped to the principal (`principalKey`), so another
   * account's key is another key (domain rule 8); the system's own requests use theirs as they are.
   */
  idempotencyKey?: string;
  /**
   * With an Idempotency-Key over HTTP: the hash of method, path and body (request-hash.ts). It is
   * recorded in the events' metadata, so a retry is recognised as the same request, and the same
   * key with another request is refused, in the one commit that writes the events.
   */
  requestHash?: string;
  correlationId: string;
  /** What caused the command: for HTTP the command itself; for a process manager, the triggering event. */
  causationId: string;
  /** From If-Match: the stream revision the client saw. Absent: the revision the decision was based on. */
  expectedRevision?: bigint;
}

/** An event as the API reports it after writing. */
export interface WrittenEvent {
  eventId: string;
  type: string;
  revision: number;
  data: unknown;
  metadata: Record<string, unknown>;
}

/** What every command answers: the stream, its new revision and the events written (none if nothing changed). */
export interface CommandOutcome {
  streamId: string;
  revision: number;
  events: WrittenEvent[];
  /** The events were written by an earlier request with the same Idempotency-Key; nothing new was written. */
  replayed?: boolean;
}
