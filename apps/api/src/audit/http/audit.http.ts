import { Controller, Get, Inject, Logger, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Pool } from 'pg';
import { Allow } from '../../auth/access.decorators';
import { CLOCK, type Clock } from '../../command-pipeline/clock';
import { committeeError, conferenceError, recommendationError } from '@app/domain';
import { domainProblem } from '../../http/domain-problem';
import { ProblemException } from '../../http/problem.exception';
import { PG_POOL } from '../../infrastructure/tokens';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { AuditReader } from '../audit-reader';
import { scopeDiff, type DiffScope, type ScopeDiff } from '../diff/scope-diff';
import { auditLogPage, type AuditLogPage } from '../log/audit-log';
import { NDJSON_CONTENT_TYPE, ndjsonOf, toExportLine } from '../offline/export-format';
import { buildManifest, type ExportManifest } from '../offline/manifest';
import type { Signed } from '../offline/manifest-signature';
import { ManifestSigner } from '../signing/manifest-signer';
import { verifyRegion, type RegionVerifyReport } from '../verify/verify-region';
import { AuditQuery, type RawQuery } from './audit-query';
import { ApiDiffPoints } from './swagger';

/** Who may audit a whole region: the auditors, and the office that runs the installation. */
const AUDITORS = ['auditor', 'office'] as const;

@ApiTags('Prüfung')
@Controller('regions/:regionId/audit')
export class AuditHttp {
  constructor(
    private readonly reader: AuditReader,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly signer: ManifestSigner,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  private readonly logger = new Logger('Audit');

  /** A key file that cannot be read is the installation's fault: 503 with the reason in the log, not in the answer. */
  private async signed<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      if (e instanceof ProblemException) throw e;
      this.logger.error(`Audit-Signaturschlüssel nicht verfügbar: ${e instanceof Error ? e.message : String(e)}`);
      throw ProblemException.of(503, 'Audit-Manifeste können derzeit nicht signiert werden; der Betrieb ist informiert.', { code: 'audit.signing-unavailable' });
    }
  }

  @Get('events')
  @Allow(...AUDITORS)
  @ApiOperation({ summary: 'Prüfprotokoll: alle Ereignisse der Bildungsregion in globaler Reihenfolge, filterbar, seitenweise' })
  @ApiQuery({ name: 'actor', required: false, description: 'Benutzerkennung des Akteurs.' })
  @ApiQuery({ name: 'type', required: false, description: 'Ereignistyp(en), durch Komma getrennt, z. B. HandOffAccepted,EntryCorrected.' })
  @ApiQuery({ name: 'stream', required: false, description: 'Stream-Kennung, oder ein Präfix mit „-“ am Ende (recommendation-).' })
  @ApiQuery({ name: 'recordedFrom', required: false, description: 'Erfasst ab (ISO 8601, einschließlich).' })
  @ApiQuery({ name: 'recordedTo', required: false, description: 'Erfasst vor (ISO 8601, ausschließlich).' })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor der vorigen Seite.' })
  @ApiQuery({ name: 'limit', required: false, type: Number, description: 'Einträge je Seite, 1–200 (Standard 50).' })
  @ApiOkResponse({ description: 'items[] (Ereignis wie gespeichert, mit Kettenhash, Geschäftsdatum, Akteur und Satz), nextCursor.' })
  async log(@Param('regionId', UuidParamPipe) regionId: string, @Query() query: RawQuery): Promise<AuditLogPage> {
    const q = new AuditQuery(query);
    const actor = q.string('actor');
    const type = q.string('type');
    const stream = q.string('stream');
    const recordedFrom = q.instant('recordedFrom');
    const recordedTo = q.instant('recordedTo');
    const cursor = q.position('cursor');
    const limit = q.integer('limit', 1, 200) ?? 50;
    q.done();
    await this.reader.requireRegion(regionId);
    const { events, hashes } = await this.reader.regionLog(regionId);
    const filter = {
      ...(actor !== undefined ? { actor } : {}),
      ...(type !== undefined ? { types: type.split(',').map((t) => t.trim()).filter(Boolean) } : {}),
      ...(stream !== undefined ? { stream } : {}),
      ...(recordedFrom ? { recordedFrom } : {}),
      ...(recordedTo ? { recordedTo } : {}),
    };
    return auditLogPage(events, hashes, filter, cursor, limit);
  }

  private async exportOf(regionId: string, query: RawQuery) {
    const q = new AuditQuery(query);
    const toPosition = q.position('toPosition');
    q.done();
    await this.reader.requireRegion(regionId);
    const { events, hashes } = await this.reader.regionLog(regionId, toPosition);
    const lines = events.map((e) => toExportLine(e, hashes.get(e.id) ?? ''));
    const file = ndjsonOf(lines);
    return { file, manifest: buildManifest(regionId, file, lines, this.clock()) };
  }

  @Get('export')
  @Allow(...AUDITORS)
  @ApiOperation({
    summary: 'Ausfuhr des Ereignisprotokolls der Bildungsregion als NDJSON (eine Zeile je Ereignis, mit Kettenhash)',
    description: 'Mit toPosition (z. B. lastPosition eines Manifests) genau dieser Stand, Byte für Byte wiederholbar. Die Kopfzeilen X-Audit-Sha256, X-Audit-Events, X-Audit-Last-Position nennen Prüfsumme, Anzahl und letzte Position.',
  })
  @ApiQuery({ name: 'toPosition', required: false, description: 'Bis einschließlich des Ereignisses an dieser Position (globale Reihenfolge). Standard: alles.' })
  @ApiProduces('application/x-ndjson')
  @ApiOkResponse({ description: 'NDJSON, UTF-8.' })
  async export(@Param('regionId', UuidParamPipe) regionId: string, @Query() query: RawQuery, @Res({ passthrough: true }) response: Response): Promise<StreamableFile> {
    const { file, manifest } = await this.exportOf(regionId, query);
    response.setHeader('X-Audit-Sha256', manifest.sha256);
    response.setHeader('X-Audit-Events', String(manifest.events));
    response.setHeader('X-Audit-Last-Position', manifest.lastPosition ?? '');
    // The bytes as hashed: a StreamableFile is sent as is, never re-serialised as JSON.
    return new StreamableFile(Buffer.from(file, 'utf8'), {
      type: NDJSON_CONTENT_TYPE,
      disposition: `attachment; filename="ereignisse-${regionId}-${manifest.lastPosition ?? 'leer'}.ndjson"`,
    });
  }

  @Get('export/manifest')
  @Allow(...AUDITORS)
  @ApiOperation({ summary: 'Manifest der NDJSON-Ausfuhr: Anzahl, erste und letzte Position, SHA-256 der Datei, Köpfe der Hash-Ketten' })
  @ApiQuery({ name: 'toPosition', required: false, description: 'Wie bei der Ausfuhr; dieselbe toPosition ergibt dieselbe Datei.' })
  @ApiOkResponse({ description: 'Das Manifest (JSON), mit Ed25519 signiert (signature; Prüfschlüssel unter …/audit/signing-key).' })
  async manifest(@Param('regionId', UuidParamPipe) regionId: string, @Query() query: RawQuery): Promise<Signed<ExportManifest>> {
    const { manifest } = await this.exportOf(regionId, query);
    return this.signed(() => this.signer.sign(manifest));
  }

  @Get('signing-key')
  @Allow(...AUDITORS)
  @ApiOperation({
    summary: 'Öffentlicher Schlüssel (Ed25519), mit dem die Manifeste signiert sind',
    description: 'Prüferinnen bewahren ihn getrennt von der Installation auf und prüfen jedes Manifest damit (npm run audit:verify -- --manifest … --public-key …).',
  })
  @ApiOkResponse({ description: 'algorithm, keyId, publicKey (SPKI, PEM).' })
  async signingKey(@Param('regionId', UuidParamPipe) regionId: string): Promise<{ algorithm: 'Ed25519'; keyId: string; publicKey: string }> {
    await this.reader.requireRegion(regionId);
    return this.signed(() => this.signer.publicKey());
  }

  @Get('diff')
  @Allow(...AUDITORS)
  @ApiOperation({
    summary: 'Unterschied zwischen zwei Zeitpunkten für eine Empfehlung, ein Gremium oder eine Kohorte',
    description: 'Genau eines von recommendationId, committeeId, cohort. Vorher: fromAsOf und/oder fromKnownAt (mindestens eines); nachher: toAsOf/toKnownAt (Standard: heute, alles Erfasste). Antwort: die Ereignisse dazwischen und der abgeleitete Zustand vorher/nachher mit jeder Abweichung.',
  })
  @ApiQuery({ name: 'recommendationId', required: false })
  @ApiQuery({ name: 'committeeId', required: false })
  @ApiQuery({ name: 'cohort', required: false, description: 'conference:<UUID> oder year:<JJJJ>.' })
  @ApiDiffPoints()
  @ApiOkResponse({ description: 'events.appeared/disappeared, before, after, changes[].' })
  async diff(@Param('regionId', UuidParamPipe) regionId: string, @Query() query: RawQuery): Promise<ScopeDiff> {
    const q = new AuditQuery(query);
    const recommendationId = q.uuid('recommendationId');
    const committeeId = q.uuid('committeeId');
    const cohort = q.cohort('cohort');
    const now = this.clock();
    const hasFrom = query.fromAsOf !== undefined || query.fromKnownAt !== undefined;
    const from = q.point(now, 'from');
    const to = q.point(now, 'to');
    const scopes: DiffScope[] = [
      ...(recommendationId ? [{ recommendationId }] : []),
      ...(committeeId ? [{ committeeId }] : []),
      ...(cohort ? [{ cohort }] : []),
    ];
    const given = ['recommendationId', 'committeeId', 'cohort'].filter((f) => query[f] !== undefined).length;
    if (given !== 1) q.fail('scope', 'Genau eines von recommendationId, committeeId oder cohort angeben.');
    if (!hasFrom) q.fail('fromAsOf', 'Vorher-Zeitpunkt fehlt: fromAsOf und/oder fromKnownAt angeben.');
    q.done();
    await this.reader.requireRegion(regionId);
    const events = await this.reader.regionEvents(regionId);
    const scope = scopes[0];
    const exists = (streamId: string) => events.some((e) => e.streamId === streamId);
    if ('recommendationId' in scope && !exists(`recommendation-${scope.recommendationId}`)) {
      throw domainProblem(recommendationError('recommendation.not-adopted', { recommendationId: scope.recommendationId }));
    }
    if ('committeeId' in scope && !exists(`committee-${scope.committeeId}`)) {
      throw domainProblem(committeeError('committee.not-registered', { committeeId: scope.committeeId }));
    }
    if ('cohort' in scope && 'conferenceId' in scope.cohort && !exists(`conference-${scope.cohort.conferenceId}`)) {
      throw domainProblem(conferenceError('conference.not-scheduled', { conferenceId: scope.cohort.conferenceId }));
    }
    return scopeDiff(events, scope, from, to);
  }

  @Get('verify')
  @Allow(...AUDITORS)
  @ApiOperation({
    summary: 'Integritätsprüfung: jede Hash-Kette der Region neu berechnen und die Lesemodelle mit einer frischen Wiedergabe vergleichen',
    description: 'OK mit Anzahlen, oder das erste gebrochene Ereignis bzw. die erste abweichende Zeile. Die Wiedergabe baut das ganze Protokoll neu auf (Sekunden bis Minuten).',
  })
  @ApiOkResponse({ description: 'ok, chains, projections, message.' })
  async verify(@Param('regionId', UuidParamPipe) regionId: string, @Query() query: RawQuery): Promise<RegionVerifyReport> {
    new AuditQuery(query).done();
    await this.reader.requireRegion(regionId);
    const chains = await this.reader.regionChains(regionId);
    if (!chains) {
      throw ProblemException.of(501, 'Dieser Ereignisspeicher führt keine Hash-Kette (nur der PostgreSQL-Speicher).', { code: 'audit.verify-unsupported' });
    }
    const events = await this.reader.regionEvents(regionId);
    const eventsUpTo = (head: bigint | undefined) => (head === undefined ? Promise.resolve([]) : this.reader.regionEvents(regionId, head));
    return verifyRegion({ store: this.reader.store, pool: this.pool, region: { regionId, events, eventsUpTo }, now: this.clock(), chains });
  }
}
