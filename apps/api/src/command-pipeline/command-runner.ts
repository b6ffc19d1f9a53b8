import { Inject, Injectable } from '@nestjs/common';
import {
  COMMAND_ROLES,
  CURRENT_SCHEMA_VERSION,
  regionError,
  isDomainError,
  mayIssue,
  type CommandMeta,
  type DomainCommandType,
  type EventMetadata,
} from '@app/domain';
import { EventIdInUseError, WrongExpectedRevisionError, type EventStore, type EventToAppend, type RecordedEvent } from '@app/event-store';
import { EVENT_STORE } from '../infrastructure/tokens';
import { AggregateReader, notFound, regionOfStream } from './aggregate-reader';
import type { AggregateType } from './aggregates';
import { CLOCK, type Clock } from './clock';
import { DomainErrorException, ForbiddenCommandException, IdempotencyKeyReusedException, PreconditionFailedException } from './command-errors';
import type { CommandOutcome, CommandRequest } from './command-request';
import { eventIdFor } from './derived-ids';
import { FactsReader } from './facts';

type DomainCommandShape = { type: DomainCommandType; data: object; meta: CommandMeta };
export type WithoutMeta<C> = C extends unknown ? Omit<C, 'meta'> : never;

export interface CommandSpec<C extends DomainCommandShape, E extends { type: string; data: unknown }, S> {
  aggregate: AggregateType<C, E, S>;
  id: string;
  /** `create`: a POST to a collection, the stream must not exist yet; `update`: it must, in this region. */
  mode: 'create' | 'update';
  /** The domain command without its meta; async because cross-aggregate facts are read here. */
  command: () => WithoutMeta<C> | Promise<WithoutMeta<C>>;
}

/**
 * The one command pipeline: (region known) → build the command with its facts → permission →
 * read the stream → fold → decide → append with the revision decided on (or the client's If-Match).
 * Handlers only say which aggregate, which id and how to build the command.
 */
@Injectable()
export class CommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly reader: AggregateReader,
    private readonly facts: FactsReader,
  ) {}

  async run<C extends DomainCommandShape, E extends { type: string; data: unknown }, S>(
    request: CommandRequest,
    spec: CommandSpec<C, E, S>,
  ): Promise<CommandOutcome> {
    const { aggregate } = spec;
    // The stream is read while the facts are: one round trip of waiting instead of several.
    const loading = this.reader.load(aggregate, spec.id);
    loading.catch(() => undefined);
    if (aggregate.kind !== 'region' && !(await this.facts.regionExists(request.regionId))) {
      throw new DomainErrorException(regionError('region.unknown', { regionId: request.regionId }));
    }
    const now = this.clock();
    const command = { ...(await spec.command()), meta: { now, actor: request.actor } } as unknown as C;
    this.authorize(command);

    const loaded = await loading;
    const replay = replayOf(request, loaded.streamId, loaded.events);
    if (replay) return replay;
    if (loaded.events.length > 0 && regionOfStream(loaded.events) !== request.regionId) throw notFound(aggregate, spec.id);
    if (spec.mode === 'update' && loaded.events.length === 0) throw notFound(aggregate, spec.id);
    if (request.expectedRevision !== undefined && request.expectedRevision !== loaded.revision) {
      throw new PreconditionFailedException(loaded.streamId, request.expectedRevision, loaded.revision);
    }

    const decision = aggregate.decider.decide(command, loaded.state);
    if (isDomainError(decision)) throw new DomainErrorException(decision);

    const toAppend: EventToAppend[] = decision.map((event, index) => {
      const eventId = eventIdFor(request.regionId, request.idempotencyKey, index);
      const metadata: EventMetadata = {
        eventId,
        regionId: request.regionId,
        actor: request.actor,
        commandId: request.commandId,
        correlationId: request.correlationId,
        causationId: request.causationId,
        recordedAt: now.toISOString(),
        schemaVersion: CURRENT_SCHEMA_VERSION,
        ...(request.requestHash !== undefined ? { requestHash: request.requestHash } : {}),
      };
      return { id: eventId, type: event.type, data: event.data, metadata: { ...metadata } };
    });
    const expectedRevision = loaded.revision ?? 'no_stream';
    try {
      const result = await this.store.append(loaded.streamId, toAppend, { expectedRevision });
      // A duplicate of this request committed the same events between our read and our append:
      // answer with what it stored, as a retry after it would get.
      if (result.alreadyWritten) return this.replayFromStore(request, aggregate, spec.id);
      const first = result.nextExpectedRevision - BigInt(toAppend.length) + 1n;
      return {
        streamId: loaded.streamId,
        revision: Number(result.nextExpectedRevision),
        events: toAppend.map((e, i) => ({ eventId: e.id, type: e.type, revision: Number(first) + i, data: e.data, metadata: e.metadata })),
      };
    } catch (error) {
      // Someone wrote between our read and our append: with If-Match the client's precondition no longer holds.
      if (error instanceof WrongExpectedRevisionError && request.expectedRevision !== undefined) {
        throw new PreconditionFailedException(loaded.streamId, request.expectedRevision, error.actual === 'no_stream' ? undefined : error.actual);
      }
      // The key's events already stand in another stream: the key was used for another command.
      if (error instanceof EventIdInUseError && request.idempotencyKey !== undefined) throw new IdempotencyKeyReusedException();
      throw error;
    }
  }

  private async replayFromStore<C, E, S>(request: CommandRequest, aggregate: AggregateType<C, E, S>, id: string): Promise<CommandOutcome> {
    const loaded = await this.reader.load(aggregate, id);
    const replay = replayOf(request, loaded.streamId, loaded.events);
    if (!replay) throw new Error(`The store reported ${loaded.streamId}'s events as written, but they are not in the stream`);
    return replay;
  }

  /** The permission table of the domain, before anything is decided: 403 with a code. */
  private authorize(command: DomainCommandShape): void {
    const actor = command.meta.actor;
    if (mayIssue(actor, command)) return;
    const roles: readonly string[] = COMMAND_ROLES[command.type];
    if (!roles.includes(actor.role)) {
      throw new ForbiddenCommandException('permission.role', `Die Rolle „${actor.role}“ darf diesen Befehl (${command.type}) nicht ausführen.`);
    }
    throw new ForbiddenCommandException('permission.committee', 'Gremiumsmitglieder handeln nur für ihre eigenen Gremien.');
  }

}

/**
 * A retry of a command that was written (answered or not: the process may have died in between):
 * the events derived from its Idempotency-Key are in the stream, so answer with them. The same key
 * with another request (its hash differs from the one the events record) is refused.
 */
function replayOf(request: CommandRequest, streamId: string, events: RecordedEvent[]): CommandOutcome | undefined {
  if (request.idempotencyKey === undefined) return undefined;
  const written: RecordedEvent[] = [];
  for (let index = 0; ; index++) {
    const id = eventIdFor(request.regionId, request.idempotencyKey, index);
    const event = events.find((e) => e.id === id);
    if (!event) break;
    written.push(event);
  }
  if (written.length === 0) return undefined;
  if (request.requestHash !== undefined && written[0]!.metadata.requestHash !== request.requestHash) throw new IdempotencyKeyReusedException();
  return {
    streamId,
    revision: Number(written.at(-1)!.revision),
    events: written.map((e) => ({ eventId: e.id, type: e.type, revision: Number(e.revision), data: e.data, metadata: e.metadata })),
    replayed: true,
  };
}
