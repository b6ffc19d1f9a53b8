import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Actor, CommitteeState, ConferenceState, RecommendationState } from '@app/domain';
import { AggregateReader } from '../../command-pipeline/aggregate-reader';
import { committeeAggregate, conferenceAggregate, recommendationAggregate, type AggregateType } from '../../command-pipeline/aggregates';
import { CLOCK, type Clock } from '../../command-pipeline/clock';
import { FactsReader } from '../../command-pipeline/facts';
import { systemRequest } from '../../command-pipeline/system-request';
import { ProblemException } from '../../http/problem.exception';
import { regionUnknown } from '../../http/domain-problem';
import { readTable } from '../file/read-table';
import { mappingWith, resolveColumns, type ColumnMapping, type ImportField } from '../mapping';
import type { ImportStep } from '../plan/import-step';
import { planImport, type ImportPlan } from '../plan/plan-import';
import type { RegionDirectory } from '../plan/region-directory';
import { simulateImport, type Simulation, type StatesBefore, type StreamBefore } from '../plan/simulate';
import { actorForStep } from '../plan/step-actor';
import { readRows } from '../rows/read-rows';
import { ImportDirectoryReader } from './directory-reader';
import { inParallel } from './in-parallel';
import { commandOfStep } from './step-command';

/** A list read, planned and decided against the region as it stands: the dry run's answer, and what an import runs. */
export interface PreparedImport {
  importId: string;
  regionId: string;
  format: string;
  mapping: ColumnMapping;
  plan: ImportPlan;
  simulation: Simulation;
}

export interface ImportProgress {
  done: number;
  total: number;
}

/** Rows written side by side: each row's commands touch its own recommendation stream. */
const ROW_CONCURRENCY = 16;
const READ_CONCURRENCY = 16;

@Injectable()
export class ImportService {
  constructor(
    private readonly commands: CommandBus,
    private readonly reader: AggregateReader,
    private readonly facts: FactsReader,
    private readonly directory: ImportDirectoryReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * The dry run: reads the file, matches its names, plans the commands and decides every one of
   * them in memory. Nothing is written. A file that cannot be read is a ProblemException (4xx).
   */
  async prepare(options: { regionId: string; bytes: Buffer; fileName?: string; mapping?: Partial<Record<ImportField, string>>; importer: Actor }): Promise<PreparedImport> {
    const { regionId, importer } = options;
    if (!(await this.facts.regionExists(regionId))) {
      throw regionUnknown(regionId);
    }
    const mapping = mappingWith(options.mapping);
    const table = await readTable(options.bytes, options.fileName);
    const columns = resolveColumns(table, mapping);
    const { rows, errors } = readRows(table, columns, mapping);
    const directory = await this.directory.read(regionId);
    const plan = planImport(rows, directory, mapping);
    plan.errors.push(...errors);
    const simulation = simulateImport(plan, await this.statesBefore(plan, directory), importer, this.clock(), regionId);
    const importId = createHash('sha256').update(regionId).update(JSON.stringify(mapping)).update(options.bytes).digest('hex').slice(0, 24);
    return { importId, regionId, format: table.format, mapping, plan, simulation };
  }

  /**
   * Writes a prepared import whose dry run refused nothing, as ordinary commands through the
   * CommandBus (permissions, rules, events with the rows' business dates). Registrations first,
   * then the rows, several at a time. Every command carries its import key: should the process die
   * half-way, importing the same file again writes only what is missing.
   */
  async execute(prepared: PreparedImport, importer: Actor, onProgress: (progress: ImportProgress) => void = () => undefined): Promise<ImportProgress> {
    if (prepared.simulation.errors.length > 0) throw new Error('Import mit abgelehnten Zeilen kann nicht geschrieben werden.');
    const written = new Set([...prepared.simulation.setup, ...prepared.simulation.rows.flatMap((r) => r.steps)].filter((s) => s.verdict === 'written').map((s) => s.key));
    const pending = (steps: ImportStep[]) => steps.filter((s) => !written.has(s.key));
    const total = prepared.simulation.toWrite;
    const progress = { done: 0, total };
    const issue = async (step: ImportStep) => {
      const actor = actorForStep(step.actor, importer);
      const request = systemRequest({ regionId: prepared.regionId, actor, idempotencyKey: step.key, correlationId: `import:${prepared.importId}` });
      await this.commands.execute(commandOfStep(step, request));
      progress.done++;
    };
    for (const step of pending(prepared.plan.setup)) await issue(step);
    onProgress({ ...progress });
    let lastReport = Date.now();
    await inParallel(prepared.plan.rows, ROW_CONCURRENCY, async (row) => {
      for (const step of pending(row.steps)) await issue(step);
      if (Date.now() - lastReport >= 200) {
        lastReport = Date.now();
        onProgress({ ...progress });
      }
    });
    onProgress({ ...progress });
    return progress;
  }

  /**
   * Every stream the plan touches, folded, with the ids of its events (so steps of an earlier run
   * are recognised). Recommendation streams only where the region's picture knows the
   * recommendation: the others are empty (one written since then is answered from its stream by the
   * command pipeline, since its ids follow from the same key).
   */
  private async statesBefore(plan: ImportPlan, directory: RegionDirectory): Promise<StatesBefore> {
    const existing = new Set(directory.references.values());
    const steps = [...plan.setup, ...plan.rows.flatMap((r) => r.steps)];
    const ids = (aggregate: ImportStep['aggregate']) => [...new Set(steps.filter((s) => s.aggregate === aggregate).map((s) => s.aggregateId))];
    // Rows name their conferences and committees in their commands' data, not as their aggregate.
    const named = (field: 'conferenceId' | 'committeeId') =>
      steps.flatMap((s) => {
        const value = (s.command.data as { conferenceId?: string; committeeId?: string })[field];
        return value ? [value] : [];
      });
    const load = async <S>(type: AggregateType<unknown, unknown, S>, list: string[]) => {
      const map = new Map<string, StreamBefore<S>>();
      await inParallel([...new Set(list)], READ_CONCURRENCY, async (id) => {
        const loaded = await this.reader.load(type, id);
        if (loaded.events.length > 0) map.set(id, { state: loaded.state, eventIds: new Set(loaded.events.map((e) => e.id)) });
      });
      return map;
    };
    return {
      conferences: await load<ConferenceState>(conferenceAggregate as AggregateType<unknown, unknown, ConferenceState>, [...ids('conference'), ...named('conferenceId')]),
      committees: await load<CommitteeState>(committeeAggregate as AggregateType<unknown, unknown, CommitteeState>, [...ids('committee'), ...named('committeeId')]),
      recommendations: await load<RecommendationState>(
        recommendationAggregate as AggregateType<unknown, unknown, RecommendationState>,
        ids('recommendation').filter((id) => existing.has(id)),
      ),
    };
  }
}
