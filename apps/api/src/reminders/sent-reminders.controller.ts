import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AggregateReader } from '../command-pipeline/aggregate-reader';
import { recommendationAggregate } from '../command-pipeline/aggregates';
import { UuidParamPipe } from '../http/uuid-param.pipe';
import { AllowReaders } from '../auth/access.decorators';
import { ReminderPass } from './reminder-pass';
import type { SentRecord } from './outbox/outbox';

/**
 * What was planned and sent about one recommendation, and when: the outbox itself, an operational
 * record beside the event log (docs/reminders.md). Shown on the recommendation page and in its
 * audit history; like the page, to the region's accounts only (it names addresses).
 */
@ApiTags('Erinnerungen')
@Controller('regions/:regionId/recommendations/:recommendationId/reminders')
export class SentRemindersController {
  constructor(
    private readonly pass: ReminderPass,
    private readonly reader: AggregateReader,
  ) {}

  @Get()
  @AllowReaders()
  @ApiOperation({ summary: 'Erinnerungen per E-Mail zu einer Empfehlung: geplant, versandt (wann, an wen), Versuche' })
  @ApiOkResponse({ description: 'reminders[]: neueste zuerst; state pending (noch nicht versandt) oder sent; sentAt die Übergabe an den SMTP-Server.' })
  async list(
    @Param('regionId', UuidParamPipe) regionId: string,
    @Param('recommendationId', UuidParamPipe) recommendationId: string,
  ): Promise<{ recommendationId: string; reminders: SentRecord[] }> {
    await this.reader.loadInRegion(recommendationAggregate, recommendationId, regionId);
    return { recommendationId, reminders: await this.pass.outboxStore.ofRecommendation(regionId, recommendationId) };
  }
}
