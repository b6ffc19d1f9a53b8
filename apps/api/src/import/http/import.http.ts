import { Body, Controller, Get, HttpCode, Param, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@app/domain';
import { CurrentActor } from '../../actor/current-actor.decorator';
import { RequiresActor } from '../../actor/actor.swagger';
import { Allow } from '../../auth/access.decorators';
import { PROBLEM_CONTENT_TYPE, problem } from '../../http/problem';
import { ProblemException } from '../../http/problem.exception';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { DEFAULT_MAPPING } from '../mapping';
import { ImportJobs } from '../run/import-jobs';
import { ImportService } from '../run/import.service';
import { previewOf } from './preview';
import { fileOf, mappingOf, readingFile, type UploadedList } from './upload';
import { ImportUploadInterceptor } from './upload.interceptor';

const UPLOAD_BODY = {
  schema: {
    type: 'object',
    required: ['file'],
    properties: {
      file: { type: 'string', format: 'binary', description: '.xlsx oder .csv (Trennzeichen ; oder ,; UTF-8 mit/ohne BOM oder Windows-1252), höchstens 10 MB' },
      mapping: {
        type: 'string',
        description: `JSON: Feld → Spaltenüberschrift, nur Abweichungen von den Vorgaben ${JSON.stringify(DEFAULT_MAPPING)}`,
        example: '{"title":"Empfehlung"}',
      },
    },
  },
};

@ApiTags('Import')
@Controller('regions/:regionId/imports')
export class ImportHttp {
  constructor(
    private readonly imports: ImportService,
    private readonly jobs: ImportJobs,
  ) {}

  @Post('preview')
  @HttpCode(200)
  @Allow('office')
  @RequiresActor()
  @UseInterceptors(ImportUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY)
  @ApiOperation({
    summary: 'Probelauf eines Imports (Bildungsbüro)',
    description: 'Liest die Liste, ordnet Konferenzen und Gremien zu und entscheidet jeden Befehl, ohne etwas zu schreiben. Antwort: je Zeile die Befehle mit ihren fachlichen Daten, oder Zeile, Spalte und Grund der Ablehnung.',
  })
  @ApiOkResponse({ description: 'Vorschau; `accepted` sagt, ob der Import geschrieben werden kann.' })
  async preview(
    @Param('regionId', UuidParamPipe) regionId: string,
    @UploadedFile() file: UploadedList | undefined,
    @Body() body: Record<string, unknown>,
    @CurrentActor() importer: Actor,
  ) {
    const upload = fileOf(file);
    const prepared = await readingFile(() =>
      this.imports.prepare({ regionId, bytes: upload.buffer, fileName: upload.originalname, mapping: mappingOf(body?.mapping), importer }),
    );
    return previewOf(prepared);
  }

  @Post()
  @HttpCode(202)
  @Allow('office')
  @RequiresActor()
  @UseInterceptors(ImportUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY)
  @ApiOperation({
    summary: 'Liste importieren (Bildungsbüro): alle Zeilen oder keine',
    description:
      'Entscheidet zuerst jede Zeile wie der Probelauf; lehnt eine ab, wird nichts geschrieben (422 mit `errors`). Sonst werden die Befehle im Hintergrund geschrieben (202), Fortschritt unter `progress`. Dieselbe Datei erneut importiert schreibt nichts.',
  })
  @ApiAcceptedResponse({ description: 'Import läuft; `progress` nennt die Adresse des Fortschritts.' })
  async import(
    @Param('regionId', UuidParamPipe) regionId: string,
    @UploadedFile() file: UploadedList | undefined,
    @Body() body: Record<string, unknown>,
    @CurrentActor() importer: Actor,
    @Res({ passthrough: true }) response: Response,
  ) {
    const upload = fileOf(file);
    const prepared = await readingFile(() =>
      this.imports.prepare({ regionId, bytes: upload.buffer, fileName: upload.originalname, mapping: mappingOf(body?.mapping), importer }),
    );
    const preview = previewOf(prepared);
    if (!preview.accepted) {
      const refused = problem(422, `${preview.counts.refusedRows} Zeile(n) abgelehnt; nichts wurde geschrieben.`, {
        code: 'import.rows-refused',
        errors: preview.errors.map((e) => ({ field: `Zeile ${e.line}, Spalte ${e.column}`, message: e.message, line: e.line, column: e.column })),
      });
      response.status(422).type(PROBLEM_CONTENT_TYPE);
      return refused;
    }
    const job = this.jobs.start(this.imports, prepared, importer);
    const progress = `/api/regions/${regionId}/imports/${job.importId}`;
    response.location(progress);
    return { ...job, progress, counts: preview.counts, proposals: preview.proposals };
  }

  @Get(':importId')
  @Allow('office')
  @RequiresActor()
  @ApiOperation({ summary: 'Fortschritt eines laufenden Imports' })
  @ApiOkResponse({ description: '`state` running, done oder failed; `done` von `total` Befehlen.' })
  progress(@Param('regionId', UuidParamPipe) regionId: string, @Param('importId') importId: string) {
    const job = this.jobs.get(regionId, importId);
    if (!job) throw ProblemException.of(404, 'Dieser Import ist nicht bekannt (oder lief in einem früheren Prozess).', { code: 'import.unknown' });
    return job;
  }
}
