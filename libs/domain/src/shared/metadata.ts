import { everyOf } from './every';
import type { CommitteeId, EventId, RegionId, UserId } from './ids';

export type Role = 'office' | 'steering' | 'committee' | 'auditor';
export const ROLES = everyOf<Role>()(['office', 'steering', 'committee', 'auditor']);

/** Who acts. `committeeIds` scopes a committee member; `onBehalfOf` marks the office reporting for a committee. */
export interface Actor {
  userId: UserId;
  role: Role;
  /** Committees the user may act for (role `committee`); empty for other roles. */
  committeeIds: readonly CommitteeId[];
  /** Set when the office acts for a committee (accepting, declining, reporting in its name). */
  onBehalfOf?: CommitteeId;
}

/**
 * Metadata of a stored event. Not part of the event's data: the Nest layer adds it when
 * appending, and `recordedAt` is always the server clock, never client supplied.
 */
export interface EventMetadata {
  eventId: EventId;
  regionId: RegionId;
  actor: Actor;
  /** The client's Idempotency-Key or a generated id: one command, one write. */
  commandId: string;
  correlationId: string;
  causationId: string;
  /** ISO 8601 instant. */
  recordedAt: string;
  schemaVersion: number;
  /**
   * With an Idempotency-Key: SHA-256 of the request (method, path, canonical body), so a retry is
   * known as the same request and the same key with another request is refused.
   */
  requestHash?: string;
}

export const CURRENT_SCHEMA_VERSION = 1;

/** What every command carries besides its data: the instant it is decided at, and who issues it. */
export interface CommandMeta {
  /** The server's clock at decision time; "today" is derived from it in Europe/Berlin. */
  now: Date;
  actor: Actor;
}
