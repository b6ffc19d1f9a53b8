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
import { AggregateReader, notFound, type AggregateState } from './aggregate-reader';
import type { AggregateType } from './aggregates';
import { CLOCK, type Clock } from './clock';
import { DomainErrorException, ForbiddenCommandException, IdempotencyKeyReusedException, PreconditionFailedException } from './command-errors';
import type { CommandOutcome, CommandRequest } from './command-request';
import { eventIdFor } from './derived-ids';
import { FactsReader } from './facts';

type DomainCommandShape = { type: DomainCommandType; data: object; meta: CommandMeta };
/** A decision on a snapshot that a newer event could change: read the stream and decide again. */
const STALE = Symbol('stale snapshot');
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
    // With a snapshot of the stream in memory the command is decided on it without reading: the
    // append expects the snapshot's revision, so it only succeeds if nobody wrote since. Without
    // one, the stream is read while the facts are: one round trip of waiting instead of several.
    const held = this.reader.snapshot(aggregate, spec.id);
    const loading = held ? undefined : this.reader.loadState(aggregate, spec.id);
    loading?.catch(() => undefined);
    if (aggregate.kind !== 'region' && !(await this.facts.regionExists(request.regionId))) {
      throw new DomainErrorException(regionError('region.unknown', { regionId: request.regionId }));
    }
    const now = this.clock();
    const command = { ...(await spec.command()), meta: { now, actor: request.actor } } as unknown as C;
    this.authorize(command);

    if (held) {
      const outcome = await this.decideAndAppend(request, spec, command, held, 'snapshot');
      if (outcome !== STALE) return outcome;
    }
    // No snapshot, or it may be behind (a refusal, a failed precondition, another writer): the
    // events after it are read and everything is decided again on the stream as it is.
    const loaded = await (loading ?? this.reader.loadState(aggregate, spec.id));
    return (await this.decideAndAppend(request, spec, command, loaded, 'read')) as CommandOutcome;
  }

  /**
   * Checks, decides and appends on `base`. On a snapshot (`'snapshot'`, perhaps behind the stream)
   * every answer that a newer event could change is STALE instead: the caller reads and comes back.
   */
  private async decideAndAppend<C extends DomainCommandShape, E extends { type: string; data: unknown }, S>(
    request: CommandRequest,
    spec: CommandSpec<C, E, S>,
    command: C,
    base: AggregateState<S>,
    source: 'snapshot' | 'read',
  ): Promise<CommandOutcome | typeof STALE> {
    const { aggregate } = spec;
    const onSnapshot = source === 'snapshot';
    // A retry: the first event its key derives stands in the stream. Rare, so the whole stream is
    // read for the answer only then.
    if (request.idempotencyKey !== undefined && base.holds(eventIdFor(request.regionId, request.idempotencyKey, 0))) {
      return this.replayFromStore(request, aggregate, spec.id);
    }
    // A stream's region is its first event's: a snapshot behind the stream knows it as well.
    if (base.revision !== undefined && base.regionId !== request.regionId) throw notFound(aggregate, spec.id);
    if (spec.mode === 'update' && base.revision === undefined) throw notFound(aggregate, spec.id);
    if (request.expectedRevision !== undefined && request.expectedRevision !== base.revision) {
      if (onSnapshot) return STALE;
      throw new PreconditionFailedException(base.streamId, request.expectedRevision, base.revision);
    }

    const decision = aggregate.decider.decide(command, base.state);
    if (isDomainError(decision)) {
      if (onSnapshot) return STALE;
      throw new DomainErrorException(decision);
    }

    const now = command.meta.now;
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
    const expectedRevision = base.revision ?? 'no_stream';
    try {
      const result = await this.store.append(base.streamId, toAppend, { expectedRevision });
      // A duplicate of this request committed the same events between our read and our append:
      // answer with what it stored, as a retry after it would get.
      if (result.alreadyWritten) return this.replayFromStore(request, aggregate, spec.id);
      if (toAppend.length > 0) this.reader.appended(aggregate, spec.id, base, toAppend, result.nextExpectedRevision);
      const first = result.nextExpectedRevision - BigInt(toAppend.length) + 1n;
      return {
        streamId: base.streamId,
        revision: Number(result.nextExpectedRevision),
        events: toAppend.map((e, i) => ({ eventId: e.id, type: e.type, revision: Number(first) + i, data: e.data, metadata: e.metadata })),
      };
    } catch (error) {
      // The snapshot was behind: someone wrote since.
      if (error instanceof WrongExpectedRevisionError && onSnapshot) return STALE;
      // Someone wrote between our read and our append: with If-Match the client's precondition no longer holds.
      if (error instanceof WrongExpectedRevisionError && request.expectedRevision !== undefined) {
        throw new PreconditionFailedException(base.streamId, request.expectedRevision, error.actual === 'no_stream' ? undefined : error.actual);
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
