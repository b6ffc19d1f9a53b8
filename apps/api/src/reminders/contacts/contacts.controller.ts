import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AggregateReader } from '../../command-pipeline/aggregate-reader';
import { committeeAggregate } from '../../command-pipeline/aggregates';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { Allow } from '../../auth/access.decorators';
import type { Principal } from '../../auth/principal';
import { CurrentPrincipal } from '../../auth/request-context';
import { CommitteeContactsStore } from './committee-contacts';
import { CommitteeContactsDto, CommitteeContactsView } from './contacts.dto';

/**
 * Who gets a committee's reminders. Personal data, so a plain table the office can overwrite and
 * empty, not an event (docs/reminders.md); shown to the office and the Lenkungskreis only.
 */
@ApiTags('Erinnerungen')
@Controller('regions/:regionId/committees/:committeeId/contacts')
export class ContactsController {
  constructor(
    private readonly store: CommitteeContactsStore,
    private readonly reader: AggregateReader,
  ) {}

  @Get()
  @Allow('office', 'steering')
  @ApiOperation({ summary: 'Kontaktadressen eines Gremiums für Erinnerungen' })
  @ApiOkResponse({ type: CommitteeContactsView })
  async get(@Param('regionId', UuidParamPipe) regionId: string, @Param('committeeId', UuidParamPipe) committeeId: string): Promise<CommitteeContactsView> {
    await this.reader.loadInRegion(committeeAggregate, committeeId, regionId);
    const row = await this.store.of(committeeId);
    return { contacts: row?.contacts ?? [], updatedAt: row?.updatedAt.toISOString() ?? null };
  }

  @Put()
  @Allow('office')
  @ApiOperation({ summary: 'Kontaktadressen eines Gremiums festlegen (ersetzt die bisherigen)' })
  @ApiOkResponse({ type: CommitteeContactsView })
  async set(
    @Param('regionId', UuidParamPipe) regionId: string,
    @Param('committeeId', UuidParamPipe) committeeId: string,
    @Body() body: CommitteeContactsDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CommitteeContactsView> {
    await this.reader.loadInRegion(committeeAggregate, committeeId, regionId);
    await this.store.set(regionId, committeeId, body.contacts, principal.userId);
    return this.get(regionId, committeeId);
  }
}
