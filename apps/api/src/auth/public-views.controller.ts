import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { ProblemException } from '../http/problem.exception';
import { Allow, AllowReaders } from './access.decorators';
import type { Principal } from './principal';
import { PublicViews } from './public-views';
import { CurrentPrincipal } from './request-context';

export class PublicViewsSetting {
  @ApiProperty({ description: 'Kennzahlen und Empfehlungsliste ohne Anmeldung sichtbar' })
  @IsBoolean({ message: 'enabled muss true oder false sein.' })
  enabled!: boolean;
}

const uuid = new ParseUUIDPipe({
  exceptionFactory: () => ProblemException.of(400, 'Die Bildungsregion ist keine gültige UUID.', { code: 'validation' }),
});

@ApiTags('Zugang')
@Controller('regions/:regionId/settings/public-views')
export class PublicViewsController {
  constructor(private readonly publicViews: PublicViews) {}

  @Get()
  @AllowReaders()
  @ApiOperation({ summary: 'Sind die öffentlichen Ansichten der Bildungsregion freigeschaltet?' })
  async get(@Param('regionId', uuid) regionId: string): Promise<PublicViewsSetting> {
    return { enabled: await this.publicViews.enabled(regionId) };
  }

  @Put()
  @Allow('office')
  @ApiOperation({ summary: 'Öffentliche Ansichten (Kennzahlen, Empfehlungsliste ohne personenbezogene Daten) ein- oder ausschalten' })
  async set(@Param('regionId', uuid) regionId: string, @Body() body: PublicViewsSetting, @CurrentPrincipal() principal: Principal): Promise<PublicViewsSetting> {
    await this.publicViews.set(regionId, body.enabled, principal.userId);
    return { enabled: body.enabled };
  }
}
