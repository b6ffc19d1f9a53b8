import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { streamIdOf, type Addressees, type RecommendationEvent } from '@app/domain';
import type { EventStore, RecordedEvent } from '@app/event-store';
import { entrySentences, fromRecorded, historyAt, lifecycleOf, recommendationFacts, type AssignmentFacts, type EntrySentences, type HistoricEvent, type IndicatorFacts, type LifecycleState, type ReviewFacts, type SentenceNames, type StreamEvent } from '@app/figures';
import { emptyDirectory, evolveDirectory, type Directory, type DirectoryEvent } from '@app/read-models';
import { ProblemException } from '../../http/problem.exception';
import { EVENT_STORE } from '../../infrastructure/tokens';
import type { TimePoint } from '../shared/query-params';
import { AccountNames } from '../../auth/account-names';
import { RegionHistory } from '../shared/region-history';
import { timePointView, type TimePointView } from '../shared/time-point.dto';
import { timelineDetails, type TimelineDetail } from './timeline-details';

export interface TimelineActor {
  userId: string | null;
  /** The account's display name; null when the id is no local account (OIDC, scripts). */
  name: string | null;
  role: string | null;
  /** The office recorded it in this committee's name. */
  onBehalfOf: string | null;
}

export interface TimelineCorrection {
  eventId: string;
  recordedAt: string;
  actor: TimelineActor;
  sentence: string;
  reason: string;
}

export interface TimelineEntry {
  eventId: string;
  revision: number;
  type: string;
  /** The date the event is filed under (after corrections). */
  businessDate: string;
  recordedAt: string;
  actor: TimelineActor;
  /** What was recorded, in German. */
  sentence: string;
  /** When corrected: how the entry reads with its corrections applied (figures use this). */
  correctedSentence?: string;
  /** The corrections of this entry known at knownAt, beside it, in the order recorded. */
  corrections: TimelineCorrection[];
  /** What people wrote that the sentence leaves out (summaries, evidence, notes). */
  details: TimelineDetail[];
}

export interface AssignmentView extends Omit<AssignmentFacts, 'reports' | 'lastReport'> {
  committee: string;
  reports: AssignmentFacts['reports'];
  /** The claim the assignment stands on (rule 11), or the last one returned; null when neither. */
  claim: ClaimView | null;
}

export interface ClaimView {
  status: 'implemented' | 'partially_implemented';
  reportedOn: string;
  verification: 'awaiting' | 'confirmed' | 'returned';
  verifiedOn: string | null;
  /** Why it was returned. */
  note: string | null;
  /** The evidence of the report the claim rests on (as corrected). */
  evidence: { title: string; url: string }[];
}

/** The claim of an assignment's standing (facts apply confirmations and returns in business order). */
export function claimOf(a: AssignmentFacts, history: readonly HistoricEvent[]): ClaimView | null {
  const claim = claimStanding(a);
  if (!claim) return null;
  const report = history
    .filter((e) => e.type === 'ImplementationStatusReported' && e.data.committeeId === a.committeeId && e.data.reportedOn === claim.reportedOn)
    .at(-1);
  const evidence = report?.type === 'ImplementationStatusReported' ? report.data.evidence.map((e) => ({ title: e.title, url: e.url })) : [];
  return { ...claim, evidence };
}

function claimStanding(a: AssignmentFacts): Omit<ClaimView, 'evidence'> | null {
  const last = a.lastReport;
  if (!last) return null;
  const status = last.returnedOn ? last.claimedStatus : last.status;
  if (status !== 'implemented' && status !== 'partially_implemented') return null;
  if (last.returnedOn) {
    const returned = (a.verifications ?? []).filter((v) => v.outcome === 'returned' && v.verifiedOn === last.returnedOn).at(-1);
    return { status, reportedOn: last.reportedOn, verification: 'returned', verifiedOn: last.returnedOn, note: returned?.note ?? null };
  }
  return { status, reportedOn: last.reportedOn, verification: last.confirmedOn ? 'confirmed' : 'awaiting', verifiedOn: last.confirmedOn ?? null, note: null };
}

export interface RecommendationPageResult extends TimePointView {
  regionId: string;
  /** Last stream revision known at knownAt. */
  revision: number;
  recommendation: {
    recommendationId: string;
    reference: string;
    title: string;
    text: string;
    conferenceId: string;
    conference: string;
    adoptedOn: string;
    fieldsOfAction: string[];
    addressees: { committees: { committeeId: string; name: string }[]; decisionMakers: string[] };
    lifecycle: LifecycleState;
    stalled: boolean;
    implementedOn: string | null;
    partiallyImplementedOn: string | null;
    notImplementedOn: string | null;
    withdrawnOn: string | null;
    supersededOn: string | null;
    successorId: string | null;
    lastEventOn: string;
  };
  assignments: AssignmentView[];
  indicators: IndicatorFacts[];
  reviews: ReviewFacts[];
  outcomeReports: { conferenceId: string; conference: string; on: string }[];
  timeline: TimelineEntry[];
}

export class RecommendationPageQuery extends Query<RecommendationPageResult> {
  constructor(
    readonly regionId: string,
    readonly recommendationId: string,
    readonly point: TimePoint,
  ) {
    super();
  }
}

/** Also when it exists but was not yet adopted (asOf) or not yet recorded (knownAt) at the time point. */
const notFound = (recommendationId: string) =>
  ProblemException.of(404, 'Diese Empfehlung ist in dieser Bildungsregion zu diesem Stand nicht bekannt.', {
    code: 'recommendation.not-adopted',
    details: { recommendationId },
  });

type RecordedActor = { userId?: string; role?: string; onBehalfOf?: string };
const recordedActor = (event: RecordedEvent) => (event.metadata as { actor?: RecordedActor }).actor;

function actorOf(event: RecordedEvent, names: Map<string, string>): TimelineActor {
  const actor = recordedActor(event);
  const userId = actor?.userId ?? null;
  return { userId, name: userId ? (names.get(userId) ?? null) : null, role: actor?.role ?? null, onBehalfOf: actor?.onBehalfOf ?? null };
}

/** Committee and conference ids an event names, so their names can be read for the sentences. */
function namedIds(event: RecordedEvent): { committees: string[]; conferences: string[] } {
  const data = event.data as Record<string, unknown>;
  const committees = [data.committeeId, data.successorCommitteeId, (event.metadata as { actor?: { onBehalfOf?: string } }).actor?.onBehalfOf]
    .concat((data.originCommitteeIds as string[] | undefined) ?? [], (data.addressees as Addressees | undefined)?.committeeIds ?? [])
    .filter((id): id is string => typeof id === 'string');
  const conferences = [data.conferenceId].filter((id): id is string => typeof id === 'string');
  return { committees, conferences };
}

/**
 * View 5: one recommendation at a time point, replayed from its stream (`readStream` with
 * `recordedBefore` just after knownAt, then `historyAt`): current state, every assignment, and the
 * full timeline in German with who did what and when, corrections beside the entries they correct.
 */
@QueryHandler(RecommendationPageQuery)
export class RecommendationPageHandler implements IQueryHandler<RecommendationPageQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly history: RegionHistory,
    private readonly accounts: AccountNames,
  ) {}

  async execute({ regionId, recommendationId, point }: RecommendationPageQuery): Promise<RecommendationPageResult> {
    await this.history.regionName(regionId);
    // knownAt is inclusive, recordedBefore exclusive: one millisecond later (the store's clock resolution for Date).
    const recorded = await this.store.readStream(
      streamIdOf.recommendation(recommendationId),
      point.knownAt ? { recordedBefore: new Date(point.knownAt.getTime() + 1) } : {},
    );
    if (recorded.length === 0 || (recorded[0]!.data as { regionId?: string }).regionId !== regionId) throw notFound(recommendationId);
    const history = historyAt(recorded.map(fromRecorded), point);
    const facts = recommendationFacts(history, point.asOf);
    if (!facts) throw notFound(recommendationId);

    const directory = await this.directoryFor(recorded);
    const committee = (id: string) => directory.committees.get(id)?.name ?? id;
    const conference = (id: string) => directory.conferences.get(id)?.label ?? id;
    const indicators = new Map(facts.indicators.map((i) => [i.indicatorId, { name: i.name, unit: i.unit }]));
    const names: SentenceNames = {
      committeeName: (id) => directory.committees.get(id)?.name,
      conferenceLabel: (id) => directory.conferences.get(id)?.label,
      indicator: (id) => indicators.get(id),
    };
    const byId = new Map(recorded.map((e) => [e.id, e]));
    const stream: StreamEvent[] = recorded.map((e) => ({ eventId: e.id, type: e.type, data: e.data }));
    const sentences = (e: HistoricEvent) => entrySentences(e, names, stream, (id) => recordedActor(byId.get(id)!));
    const accounts = await this.accounts.namesOf(recorded.map((e) => recordedActor(e)?.userId).filter((id): id is string => id !== undefined));

    const timeline = history
      .filter((e) => e.type !== 'EntryCorrected')
      .map((e) => this.entryOf(e, byId, sentences(e), accounts))
      .sort((a, b) => a.businessDate.localeCompare(b.businessDate) || a.revision - b.revision);
    // A correction whose entry is not on the page (dated after asOf once corrected) is listed on its own.
    const shown = new Set(timeline.flatMap((e) => e.corrections.map((c) => c.eventId)));
    const orphans = history
      .filter((e) => e.type === 'EntryCorrected' && !shown.has(e.eventId))
      .map((e) => ({ ...this.entryOf(e, byId, sentences(e), accounts) }));
    const all = [...timeline, ...orphans].sort((a, b) => a.businessDate.localeCompare(b.businessDate) || a.revision - b.revision);

    const adoption = history.find((e) => e.type === 'RecommendationAdopted')!;
    const adopted = adoption.data as Extract<RecommendationEvent, { type: 'RecommendationAdopted' }>['data'];
    let text = adopted.text;
    for (const e of history) if (e.type === 'RecommendationAmended' && e.data.text !== undefined) text = e.data.text;
    const lifecycle = lifecycleOf(facts, point.asOf);

    return {
      ...timePointView(point),
      regionId,
      revision: Number(recorded.at(-1)!.revision),
      recommendation: {
        recommendationId: facts.recommendationId,
        reference: facts.reference,
        title: facts.title,
        text,
        conferenceId: facts.conferenceId,
        conference: conference(facts.conferenceId),
        adoptedOn: facts.adoptedOn,
        fieldsOfAction: facts.fieldsOfAction,
        addressees: {
          committees: adopted.addressees.committeeIds.map((id) => ({ committeeId: id, name: committee(id) })),
          decisionMakers: [...adopted.addressees.decisionMakers],
        },
        lifecycle: lifecycle.state,
        stalled: lifecycle.stalled,
        implementedOn: facts.implementedOn ?? null,
        partiallyImplementedOn: facts.partiallyImplementedOn ?? null,
        notImplementedOn: facts.notImplementedOn ?? null,
        withdrawnOn: facts.withdrawnOn ?? null,
        supersededOn: facts.supersededOn ?? null,
        successorId: facts.successorId ?? null,
        lastEventOn: facts.lastEventOn,
      },
      assignments: facts.handOffs.map(({ lastReport: _last, ...a }) => ({ ...a, committee: committee(a.committeeId), claim: claimOf({ ...a, ...(_last ? { lastReport: _last } : {}) }, history) })),
      indicators: facts.indicators,
      reviews: facts.reviews,
      outcomeReports: facts.outcomeReports.map((o) => ({ ...o, conference: conference(o.conferenceId) })),
      timeline: all,
    };
  }

  private entryOf(event: HistoricEvent, byId: Map<string, RecordedEvent>, sentences: EntrySentences, names: Map<string, string>): TimelineEntry {
    const recorded = byId.get(event.eventId)!;
    const corrections = sentences.corrections.map(({ eventId, sentence }) => {
      const correction = byId.get(eventId)!;
      return {
        eventId,
        recordedAt: correction.recordedAt.toISOString(),
        actor: actorOf(correction, names),
        sentence,
        reason: (correction.data as { reason: string }).reason,
      };
    });
    return {
      eventId: event.eventId,
      revision: Number(recorded.revision),
      type: event.type,
      businessDate: event.businessDate,
      recordedAt: recorded.recordedAt.toISOString(),
      actor: actorOf(recorded, names),
      sentence: sentences.sentence,
      ...(sentences.correctedSentence !== undefined ? { correctedSentence: sentences.correctedSentence } : {}),
      corrections,
      details: timelineDetails(event),
    };
  }

  /** Names of the committees and conferences the stream mentions, as they stand now. */
  private async directoryFor(events: RecordedEvent[]): Promise<Directory> {
    const committees = new Set<string>();
    const conferences = new Set<string>();
    for (const event of events) {
      const ids = namedIds(event);
      ids.committees.forEach((id) => committees.add(id));
      ids.conferences.forEach((id) => conferences.add(id));
    }
    const directory = emptyDirectory();
    const streams = [...[...committees].map(streamIdOf.committee), ...[...conferences].map(streamIdOf.conference)];
    for (const events of await Promise.all(streams.map((s) => this.store.readStream(s)))) {
      for (const e of events) evolveDirectory(directory, { type: e.type, data: e.data } as DirectoryEvent);
    }
    return directory;
  }
}
