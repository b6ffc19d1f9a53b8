import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import type { Pool } from 'pg';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { streamIdOf } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { AllowReaders } from '../../auth/access.decorators';
import { CLOCK, type Clock } from '../../command-pipeline/clock';
import { notFound } from '../../command-pipeline/aggregate-reader';
import { recommendationAggregate } from '../../command-pipeline/aggregates';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { PG_POOL } from '../../infrastructure/tokens';
import { Outbox, type SentRecord } from '../../reminders/outbox/outbox';
import { AuditReader } from '../audit-reader';
import { recommendationHistory, type RecommendationHistory } from '../history/recommendation-history';
import { toExportLine, type ExportLine } from '../offline/export-format';
import { AuditQuery, type RawQuery } from './audit-query';
import { ApiAuditTimeTravel, ApiKnownAt } from './swagger';

/** Conference and committee streams a recommendation's events name: enough for every name in its sentences. */
function namedStreams(events: readonly RecordedEvent[]): string[] {
  const streams = new Set<string>();
  for (const e of events) {
    const d = e.data as { conferenceId?: string; committeeId?: string; addressees?: { committeeIds?: string[] }; originCommitteeIds?: string[] };
    if (d.conferenceId) streams.add(streamIdOf.conference(d.conferenceId));
    for (const id of [d.committeeId, ...(d.addressees?.committeeIds ?? []), ...(d.originCommitteeIds ?? []), (e.metadata.actor as { onBehalfOf?: string } | undefined)?.onBehalfOf]) {
      if (id) streams.add(streamIdOf.committee(id));
    }
  }
  return [...streams];
}

@ApiTags('Prüfung')
@Controller('regions/:regionId/recommendations')
export class RecommendationHistoryHttp {
  private readonly outbox: Outbox;

  constructor(
    private readonly reader: AuditReader,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PG_POOL) pool: Pool,
  ) {
    this.outbox = new Outbox(pool);
  }

  private async stream(regionId: string, recommendationId: string): Promise<RecordedEvent[]> {
    const events = await this.reader.store.readStream(streamIdOf.recommendation(recommendationId));
    if (events.length === 0 || (events[0].data as { regionId?: string }).regionId !== regionId) throw notFound(recommendationAggregate, recommendationId);
    return events;
  }

  @Get(':recommendationId/history')
  @AllowReaders()
  @ApiOperation({
    summary: 'Verlauf einer Empfehlung (Prüfung): jedes Ereignis mit Geschäftsdatum, Erfassungszeit, Akteur und Änderung, Korrekturen neben dem Korrigierten',
    description: 'Mit asOf/knownAt: der Verlauf und der abgeleitete Zustand so, wie sie an diesem Stand und Kenntnisstand aussahen.',
  })
  @ApiAuditTimeTravel()
  @ApiOkResponse({
    description: 'entries[] in Stream-Reihenfolge; state: Fakten und Lebenszyklus am Zeitpunkt (null: noch nicht beschlossen). ' +
      'remindersSent[]: die bis knownAt versandten Erinnerungsmails (neueste zuerst) – keine Ereignisse, sondern Einträge des Postausgangs (docs/reminders.md), nicht in der Hash-Kette.',
  })
  async history(
    @Param('regionId', UuidParamPipe) regionId: string,
    @Param('recommendationId', UuidParamPipe) recommendationId: string,
    @Query() query: RawQuery,
  ): Promise<RecommendationHistory & { remindersSent: SentRecord[] }> {
    const q = new AuditQuery(query);
    const point = q.point(this.clock());
    q.done();
    const events = await this.stream(regionId, recommendationId);
    const directory = (await Promise.all(namedStreams(events).map((s) => this.reader.store.readStream(s)))).flat().sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime());
    // Mails are no events: they stand beside the entries, from the reminders' outbox, as known at knownAt.
    const remindersSent = await this.outbox.ofRecommendation(regionId, recommendationId, { ...(point.knownAt ? { by: point.knownAt } : {}) });
    return { ...recommendationHistory(recommendationId, events, directory, point), remindersSent };
  }

  @Get(':recommendationId/events')
  @AllowReaders()
  @ApiOperation({ summary: 'Rohereignisse einer Empfehlung (Prüfung), wie gespeichert, mit Kettenhash; mit knownAt nur die bis dahin erfassten' })
  @ApiKnownAt()
  @ApiOkResponse({ description: 'events[] in Stream-Reihenfolge, im Format der NDJSON-Ausfuhr.' })
  async events(
    @Param('regionId', UuidParamPipe) regionId: string,
    @Param('recommendationId', UuidParamPipe) recommendationId: string,
    @Query() query: RawQuery,
  ): Promise<{ recommendationId: string; knownAt: string | null; events: ExportLine[] }> {
    const q = new AuditQuery(query);
    const knownAt = q.instant('knownAt');
    q.done();
    const events = (await this.stream(regionId, recommendationId)).filter((e) => knownAt === undefined || e.recordedAt.getTime() <= knownAt.getTime());
    const hashes = await this.reader.hashesOf(events);
    return { recommendationId, knownAt: knownAt?.toISOString() ?? null, events: events.map((e) => toExportLine(e, hashes.get(e.id) ?? '')) };
  }
}
