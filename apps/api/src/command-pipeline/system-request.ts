import { randomUUID } from 'node:crypto';
import type { Actor, CommitteeId, RegionId, Role } from '@app/domain';
import type { CommandRequest } from './command-request';

/** An actor for commands the system issues itself (demo data, imports); recorded as such in the events. */
export const systemActor = (role: Role, committeeIds: readonly CommitteeId[] = [], name = 'demo'): Actor => ({
  userId: `system:${name}`,
  role,
  committeeIds: role === 'committee' ? [...committeeIds] : [],
});

/**
 * The CommandRequest for issuing a command through the CommandBus without HTTP. With an
 * `idempotencyKey` the event ids follow from (region, key), so issuing the same command again
 * (a re-run seed) is answered from the stream instead of writing twice; derive new aggregate ids
 * with `newAggregateId(regionId, key, kind)` to make creations repeatable too.
 */
export function systemRequest(options: {
  regionId: RegionId;
  actor: Actor;
  idempotencyKey?: string;
  correlationId?: string;
  /** Like If-Match: refuse unless the stream is at this revision. */
  expectedRevision?: bigint;
}): CommandRequest {
  const commandId = options.idempotencyKey ?? randomUUID();
  return {
    regionId: options.regionId,
    actor: options.actor,
    commandId,
    ...(options.idempotencyKey !== undefined ? { idempotencyKey: options.idempotencyKey } : {}),
    correlationId: options.correlationId ?? randomUUID(),
    causationId: commandId,
    ...(options.expectedRevision !== undefined ? { expectedRevision: options.expectedRevision } : {}),
  };
}
