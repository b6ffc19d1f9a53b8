import type { Actor, RegionId } from '@app/domain';

/** Everything about a command that is not its data: who, in which region, under which ids, against which revision. */
export interface CommandRequest {
  regionId: RegionId;
  actor: Actor;
  /** The Idempotency-Key, or a generated uuid: one command, one write. */
  commandId: string;
  /** Set only when the client sent an Idempotency-Key; event and aggregate ids are then derived from it. */
  idempotencyKey?: string;
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
}
