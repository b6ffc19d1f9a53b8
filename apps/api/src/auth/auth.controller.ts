import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ProblemException } from '../http/problem.exception';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowReaders, Public } from './access.decorators';
import { LoginRequest, LoginResponse, PrincipalView } from './login.dto';
import { LoginBackoffError, LoginService } from './login.service';
import type { Principal } from './principal';
import { CurrentPrincipal } from './request-context';
import { clientAddress, LoginThrottle } from './throttling';

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
  async login(@Body() body: LoginRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<LoginResponse> {
    // The answer carries a token: no cache may keep it.
    res.setHeader('Cache-Control', 'no-store');
    try {
      return await this.logins.login(body.email, body.password, clientAddress(req));
    } catch (error) {
      if (!(error instanceof LoginBackoffError)) throw error;
      res.setHeader('Retry-After', String(error.seconds));
      throw ProblemException.of(429, error.message, { code: 'rate-limit.login-backoff' });
    }
  }

  @Get('me')
  @AllowReaders()
  @ApiOperation({ summary: 'Wer bin ich: Rolle, Bildungsregionen und Gremien des Tokens' })
  @ApiOkResponse({ type: PrincipalView })
  me(@CurrentPrincipal() principal: Principal): PrincipalView {
    return { ...principal, regionIds: [...principal.regionIds], committeeIds: [...principal.committeeIds] };
  }
}
