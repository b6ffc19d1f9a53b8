import { Body, Controller, Get, HttpCode, Inject, Logger, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { ProblemException } from '../http/problem.exception';
import { UuidParamPipe } from '../http/uuid-param.pipe';
import { Allow } from './access.decorators';
import type { AccountEntity } from './account.entity';
import { AccountError, createAccount, disableAccount, findAccountById, listAccountsOfRegion } from './accounts';
import { AccountSummary, CreateAccountRequest } from './accounts.dto';
import { AccountStates } from './account-states';
import { AUTH_DATA_SOURCE } from './auth.tokens';
import type { Principal } from './principal';
import { CurrentPrincipal } from './request-context';

const summary = (a: AccountEntity): AccountSummary => ({
  id: a.id,
  email: a.email,
  displayName: a.displayName,
  role: a.role,
  regionIds: a.regionIds,
  committeeIds: a.committeeIds,
  demo: a.demo,
  disabledAt: a.disabledAt?.toISOString() ?? null,
  createdAt: a.createdAt.toISOString(),
});

/** The office manages the local accounts of its region (domain.md, "People"). */
@ApiTags('Zugang')
@Controller('regions/:regionId/accounts')
export class AccountsController {
  private readonly logger = new Logger('Konten');

  constructor(
    @Inject(AUTH_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly states: AccountStates,
  ) {}

  @Get()
  @Allow('office')
  @ApiOperation({ summary: 'Konten der Bildungsregion (nur Bildungsbüro)' })
  @ApiOkResponse({ type: [AccountSummary] })
  async list(@Param('regionId', UuidParamPipe) regionId: string): Promise<AccountSummary[]> {
    return (await listAccountsOfRegion(this.dataSource, regionId)).map(summary);
  }

  @Post()
  @Allow('office')
  @ApiOperation({ summary: 'Konto in dieser Bildungsregion anlegen (nur Bildungsbüro); das Konto gilt nur für diese Region' })
  @ApiCreatedResponse({ type: AccountSummary })
  async create(
    @Param('regionId', UuidParamPipe) regionId: string,
    @Body() body: CreateAccountRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AccountSummary> {
    try {
      const account = await createAccount(this.dataSource, { ...body, regionIds: [regionId] });
      this.logger.log(`Konto ${account.id} (${account.role}) angelegt von Benutzer ${principal.userId}`);
      return summary(account);
    } catch (e) {
      if (!(e instanceof AccountError)) throw e;
      throw ProblemException.of(e.code === 'account.email-taken' ? 409 : 400, e.message, { code: e.code });
    }
  }

  @Post(':accountId/disable')
  @HttpCode(200)
  @Allow('office')
  @ApiOperation({ summary: 'Konto sperren: keine Anmeldung mehr, und seine ausgestellten Tokens gelten sofort (in anderen API-Prozessen binnen 2 Sekunden) nicht mehr' })
  @ApiOkResponse({ type: AccountSummary })
  async disable(
    @Param('regionId', UuidParamPipe) regionId: string,
    @Param('accountId', UuidParamPipe) accountId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AccountSummary> {
    const account = await findAccountById(this.dataSource, accountId);
    if (!account || !account.regionIds.includes(regionId)) {
      throw ProblemException.of(404, 'Dieses Konto gibt es in dieser Bildungsregion nicht.', { code: 'account.unknown' });
    }
    // An account that also serves other regions is not this office's alone to lock.
    if (account.regionIds.some((r) => !principal.regionIds.includes(r))) {
      throw ProblemException.of(403, 'Das Konto gilt auch für Bildungsregionen, für die Ihr Konto nicht freigeschaltet ist.', { code: 'permission.region' });
    }
    await disableAccount(this.dataSource, accountId, new Date());
    this.states.forget(accountId);
    this.logger.log(`Konto ${accountId} gesperrt von Benutzer ${principal.userId}`);
    return summary((await findAccountById(this.dataSource, accountId))!);
  }
}
