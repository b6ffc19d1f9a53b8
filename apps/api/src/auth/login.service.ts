import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { ProblemException } from '../http/problem.exception';
import { findAccountByEmail, normaliseEmail } from './accounts';
import { AUTH_DATA_SOURCE, LOCAL_TOKEN_KEY } from './auth.tokens';
import { issueAccessToken, type LocalTokenKey } from './local-tokens';
import { LoginBackoff } from './login-backoff';
import type { LoginResponse } from './login.dto';
import { dummyHash, verifyPassword } from './passwords';

/** One answer for unknown address, wrong password and disabled account: no account enumeration. */
const LOGIN_FAILED = 'E-Mail-Adresse oder Passwort ist falsch.';

/** Lets repeated attempts on one unknown address be correlated in the log without logging the address. */
const fingerprint = (email: string) => createHash('sha256').update(normaliseEmail(email)).digest('hex').slice(0, 12);

/** This address failed too often on this account: it may try again in `seconds`. */
export class LoginBackoffError extends Error {
  constructor(readonly seconds: number) {
    super(`Zu viele fehlgeschlagene Anmeldeversuche für dieses Konto von Ihrer Adresse. Bitte warten Sie ${seconds} Sekunden und versuchen Sie es dann erneut.`);
  }
}

@Injectable()
export class LoginService {
  private readonly logger = new Logger('Anmeldung');
  /** Counted in this process, like the other limits. */
  private readonly backoff = new LoginBackoff();

  constructor(
    @Inject(AUTH_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(LOCAL_TOKEN_KEY) private readonly key: LocalTokenKey,
  ) {}

  /** `address`: the client's, for the back-off per address and account (login-backoff.ts). */
  async login(email: string, password: string, address: string, now: Date = new Date()): Promise<LoginResponse> {
    const wait = this.backoff.waitSeconds(address, email, now.getTime());
    if (wait > 0) throw new LoginBackoffError(wait);
    try {
      const answer = await this.verify(email, password, now);
      this.backoff.succeeded(address, email);
      return answer;
    } catch (error) {
      if (error instanceof ProblemException && error.problem.code === 'auth.login-failed') this.backoff.failed(address, email, now.getTime());
      throw error;
    }
  }

  private async verify(email: string, password: string, now: Date): Promise<LoginResponse> {
    const account = await findAccountByEmail(this.dataSource, email);
    // Verify against some hash whatever happens, so the answer time does not tell whether the address exists.
    const valid = await verifyPassword(account?.passwordHash ?? (await dummyHash()), password);
    if (!account) {
      this.logger.warn(`Anmeldung fehlgeschlagen: unbekannte Adresse (Fingerabdruck ${fingerprint(email)})`);
      throw ProblemException.of(401, LOGIN_FAILED, { code: 'auth.login-failed' });
    }
    if (!valid || account.disabledAt !== null) {
      this.logger.warn(`Anmeldung fehlgeschlagen: Benutzer ${account.id} (${valid ? 'Konto deaktiviert' : 'falsches Passwort'})`);
      throw ProblemException.of(401, LOGIN_FAILED, { code: 'auth.login-failed' });
    }
    const { token, expiresAt } = await issueAccessToken(
      this.key,
      { userId: account.id, role: account.role, regionIds: account.regionIds, committeeIds: account.committeeIds, name: account.displayName },
      now,
    );
    this.logger.log(`Angemeldet: Benutzer ${account.id} (${account.role})`);
    return {
      accessToken: token,
      tokenType: 'Bearer',
      expiresIn: this.key.ttlSeconds,
      expiresAt: expiresAt.toISOString(),
      account: {
        id: account.id,
        email: account.email,
        displayName: account.displayName,
        role: account.role,
        regionIds: account.regionIds,
        committeeIds: account.committeeIds,
      },
    };
  }
}
