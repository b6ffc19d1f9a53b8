import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowReaders, Public } from './access.decorators';
import { LoginRequest, LoginResponse, PrincipalView } from './login.dto';
import { LoginService } from './login.service';
import type { Principal } from './principal';
import { CurrentPrincipal } from './request-context';
import { LoginThrottle } from './throttling';

@ApiTags('Anmeldung')
@Controller('auth')
export class AuthController {
  constructor(private readonly logins: LoginService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @LoginThrottle()
  @ApiOperation({ summary: 'Anmelden mit E-Mail-Adresse und Passwort; liefert ein kurzlebiges Zugangstoken' })
  @ApiOkResponse({ type: LoginResponse })
  login(@Body() body: LoginRequest): Promise<LoginResponse> {
    return this.logins.login(body.email, body.password);
  }

  @Get('me')
  @AllowReaders()
  @ApiOperation({ summary: 'Wer bin ich: Rolle, Bildungsregionen und Gremien des Tokens' })
  @ApiOkResponse({ type: PrincipalView })
  me(@CurrentPrincipal() principal: Principal): PrincipalView {
    return { ...principal, regionIds: [...principal.regionIds], committeeIds: [...principal.committeeIds] };
  }
}
