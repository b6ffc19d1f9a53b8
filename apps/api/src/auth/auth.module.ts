import { DynamicModule, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@app/config';
import { APP_CONFIG } from '../infrastructure/tokens';
import { AccessGuard } from './access.guard';
import { AccountStates } from './account-states';
import { AccountNames } from './account-names';
import { AccountsController } from './accounts.controller';
import { AuthController } from './auth.controller';
import { AUTH_DATA_SOURCE, LOCAL_TOKEN_KEY, TOKEN_VERIFIER } from './auth.tokens';
import { openAuthDataSource } from './data-source';
import { resolveJwtSecret } from './jwt-secret';
import { keyFromSecret, type LocalTokenKey } from './local-tokens';
import { LoginService } from './login.service';
import { OidcVerifier } from './oidc-tokens';
import { PublicViews } from './public-views';
import { PublicViewsController } from './public-views.controller';
import { RateLimitGuard } from './throttling';
import { TokenVerifier } from './token-verifier';

export interface AuthOptions {
  databaseUrl: string;
}

/**
 * Login, token verification (local and OIDC), the global access guard and rate limits. Every
 * endpoint of the application passes the AccessGuard; see access.decorators.ts.
 */
@Module({})
export class AuthModule implements OnApplicationShutdown {
  constructor(@Inject(AUTH_DATA_SOURCE) private readonly dataSource: DataSource) {}

  static forRoot(options: AuthOptions): DynamicModule {
    const logger = new Logger('Anmeldung');
    return {
      module: AuthModule,
      // Global: the read side names the accounts behind events (AccountNames).
      global: true,
      controllers: [AuthController, PublicViewsController, AccountsController],
      providers: [
        { provide: AUTH_DATA_SOURCE, useFactory: () => openAuthDataSource(options.databaseUrl) },
        {
          provide: LOCAL_TOKEN_KEY,
          inject: [APP_CONFIG],
          useFactory: async (config: AppConfig) => keyFromSecret(await resolveJwtSecret(config, (line) => logger.warn(line)), config.ACCESS_TOKEN_TTL),
        },
        {
          provide: TOKEN_VERIFIER,
          inject: [APP_CONFIG, LOCAL_TOKEN_KEY],
          useFactory: (config: AppConfig, key: LocalTokenKey) =>
            new TokenVerifier(
              key,
              config.OIDC_ISSUER && config.OIDC_AUDIENCE
                ? new OidcVerifier({ issuer: config.OIDC_ISSUER, audience: config.OIDC_AUDIENCE, jwksUrl: config.OIDC_JWKS_URL })
                : undefined,
            ),
        },
        { provide: PublicViews, inject: [AUTH_DATA_SOURCE], useFactory: (ds: DataSource) => new PublicViews(ds) },
        { provide: AccountStates, inject: [AUTH_DATA_SOURCE], useFactory: (ds: DataSource) => new AccountStates(ds) },
        LoginService,
        AccountNames,
        // Order matters: the access guard sets request.principal, which the rate limit counts by.
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
      ],
      exports: [AUTH_DATA_SOURCE, TOKEN_VERIFIER, LOCAL_TOKEN_KEY, PublicViews, AccountNames],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
