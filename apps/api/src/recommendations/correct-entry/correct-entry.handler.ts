import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CorrectEntry, CorrectionFacts, RecommendationId } from '@app/domain';
import { AggregateReader } from '../../command-pipeline/aggregate-reader';
import { recommendationAggregate } from '../../command-pipeline/aggregates';
import type { CommandOutcome, CommandRequest } from '../../command-pipeline/command-request';
import { CommandRunner, type WithoutMeta } from '../../command-pipeline/command-runner';
import { FactsReader } from '../../command-pipeline/facts';
import { validateCorrectedFields } from './corrected-fields';

/** One variant per corrected event type, as in the domain; the type itself may be left out. */
export type CorrectEntryData = CorrectEntry extends infer C ? (C extends { data: infer D } ? Omit<D, 'recommendationId'> : never) : never;

export class CorrectEntryCommand extends Command<CommandOutcome> {
  constructor(
    readonly recommendationId: RecommendationId,
    readonly data: CorrectEntryData,
    readonly request: CommandRequest,
  ) {
    super();
  }
}

/**
 * The corrected entry's type comes from the stream, not from the client. Its fields are validated
 * with the rules of the request that wrote that type; the facts rule 7 needs again (the adopting
 * conference, the successor of a supersession) are read here. An entry that is not in this region's
 * stream, or a given type that differs, is left to the domain (404 / 409).
 */
@CommandHandler(CorrectEntryCommand)
export class CorrectEntryHandler implements ICommandHandler<CorrectEntryCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly reader: AggregateReader,
    private readonly facts: FactsReader,
  ) {}

  execute({ recommendationId, data, request }: CorrectEntryCommand): Promise<CommandOutcome> {
    return this.runner.run(request, {
      aggregate: recommendationAggregate,
      id: recommendationId,
      mode: 'update',
      command: async () => {
        const context = await this.factsFor(recommendationId, data, request.regionId);
        return { type: 'CorrectEntry', data: { recommendationId, ...data }, context } as WithoutMeta<CorrectEntry>;
      },
    });
  }

  private async factsFor(recommendationId: RecommendationId, data: CorrectEntryData, regionId: string): Promise<CorrectionFacts> {
    const state = (await this.reader.find(recommendationAggregate, recommendationId))?.state;
    if (state?.status !== 'adopted' || state.regionId !== regionId) return {};
    const target = state.entries.find((entry) => entry.eventId === data.correctsEventId)?.event;
    if (!target || (data.correctedEventType !== undefined && data.correctedEventType !== target.type)) return {};
    await validateCorrectedFields(target.type, data.correctedFields as Record<string, unknown>);
    const adoptingConference = await this.facts.conference(state.conferenceId);
    const successor = 'successorId' in target.data ? await this.facts.recommendation(target.data.successorId) : undefined;
    const fields = data.correctedFields as { addressees?: { committeeIds?: unknown }; originCommitteeIds?: unknown };
    const named = [fields.addressees?.committeeIds, fields.originCommitteeIds].flatMap((ids) => (Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : []));
    const committees = await this.facts.committees(named);
    return { ...(adoptingConference ? { adoptingConference } : {}), ...(successor ? { successor } : {}), committees };
  }
}

