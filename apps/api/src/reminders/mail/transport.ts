import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type { AppConfig } from '@app/config';
import { APP_CONFIG } from '../../infrastructure/tokens';
import type { OutgoingMail } from '../outbox/outbox';

/** smtp://user:password@host:port (STARTTLS when offered; `?ignoreTLS=true` for a local server without it) or smtps://… (TLS). */
export function smtpOptions(smtpUrl: string) {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    ignoreTLS: url.searchParams.get('ignoreTLS') === 'true',
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  };
}

/** The SMTP connection of SMTP_URL, opened on the first mail; bounded waits, so a hung server fails a pass instead of blocking it. */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private transporter?: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async send(mail: OutgoingMail): Promise<void> {
    const { SMTP_URL, MAIL_FROM } = this.config;
    if (!SMTP_URL || !MAIL_FROM) throw new Error('SMTP_URL und MAIL_FROM fehlen: ohne sie versendet das Empfehlungsradar keine Mails.');
    this.transporter ??= createTransport(smtpOptions(SMTP_URL));
    await this.transporter.sendMail({ from: MAIL_FROM, ...mail });
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
  }
}
