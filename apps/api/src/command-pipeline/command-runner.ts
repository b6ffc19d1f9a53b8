import { Inject, Injectable } from '@nestjs/common';
import {
  COMMAND_ROLES,
  CURRENT_SCHEMA_VERSION,
  domainError,
  isDomainError,
  mayIssue,
  type CommandMeta,
  type DomainCommandType,
  type EventMetadata,
} from '@app/domain';
import { WrongExpectedRevisionError, type EventStore, type EventToAppend, type RecordedEvent } from '@app/event-store';
import { EVENT_STORE } from '../infrastructure/tokens';
import { AggregateReader, notFound, regionOfStream } from './aggregate-reader';
import type { AggregateType } from './aggregates';
import { CLOCK, type Clock } from './clock';
import { DomainErrorException, ForbiddenCommandException, PreconditionFailedException } from './command-errors';
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
    if (aggregate.kind !== 'region' && !(await this.facts.regionExists(request.regionId))) {
      throw new DomainErrorException(domainError('region.unknown', 'Diese Bildungsregion ist nicht bekannt.', { regionId: request.regionId }));
    }
    const now = this.clock();
    const command = { ...(await spec.command()), meta: { now, actor: request.actor } } as unknown as C;
    this.authorize(command);

    const loaded = await this.reader.load(aggregate, spec.id);
    const replay = this.replayOf(request, loaded.streamId, loaded.events);
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
      };
      return { id: eventId, type: event.type, data: event.data, metadata: { ...metadata } };
    });
    const expectedRevision = loaded.revision ?? 'no_stream';
    try {
      const result = await this.store.append(loaded.streamId, toAppend, { expectedRevision });
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
      throw error;
    }
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

  /**
   * A retry whose first attempt was written but never answered (the process died in between): the
   * events derived from its Idempotency-Key are already in the stream, so answer with them.
   */
  private replayOf(request: CommandRequest, streamId: string, events: RecordedEvent[]): CommandOutcome | undefined {
    if (request.idempotencyKey === undefined) return undefined;
    const written: RecordedEvent[] = [];
    for (let index = 0; ; index++) {
      const id = eventIdFor(request.regionId, request.idempotencyKey, index);
      const event = events.find((e) => e.id === id);
      if (!event) break;
      written.push(event);
    }
    if (written.length === 0) return undefined;
    return {
      streamId,
      revision: Number(written.at(-1)!.revision),
      events: written.map((e) => ({ eventId: e.id, type: e.type, revision: Number(e.revision), data: e.data, metadata: e.metadata })),
    };
  }
}
