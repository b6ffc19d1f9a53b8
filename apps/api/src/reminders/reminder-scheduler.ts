import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import { APP_CONFIG } from '../infrastructure/tokens';
import { ReminderPass } from './reminder-pass';

/**
 * REMINDERS=on: a pass every REMINDER_INTERVAL seconds inside the API. Several API processes may
 * each run it; the outbox sends every reminder once. A failed pass is logged and the next one
 * tries again; passes never overlap within a process.
 */
@Injectable()
export class ReminderScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private readonly log = new Logger('Erinnerungen');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly pass: ReminderPass,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.REMINDERS !== 'on') return;
    const tick = () => {
      if (this.running) return;
      this.running = this.pass
        .run()
        .catch((e: unknown) => this.log.warn(`Erinnerungslauf gescheitert, nächster Versuch in ${this.config.REMINDER_INTERVAL} s: ${(e as Error).message}`))
        .finally(() => (this.running = undefined));
    };
    this.timer = setInterval(tick, this.config.REMINDER_INTERVAL * 1000);
    this.timer.unref();
    setImmediate(tick);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
