import { Client } from 'pg';
import { APPENDED_CHANNEL } from './schema';

/**
 * One LISTEN connection per store, opened when the first subscription starts, so subscribers wake
 * when another process appends. Best effort: if it fails, subscriptions still poll.
 */
export class AppendListener {
  private client: Client | undefined;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly onNotify: () => void,
  ) {}

  ensureStarted(): void {
    if (this.client || this.closed) return;
    const client = new Client({ connectionString: this.url });
    this.client = client;
    client.on('notification', () => this.onNotify());
    client.on('error', () => {
      if (this.client === client) this.client = undefined;
      client.end().catch(() => undefined);
    });
    client
      .connect()
      .then(() => client.query(`LISTEN ${APPENDED_CHANNEL}`))
      .catch(() => {
        if (this.client === client) this.client = undefined;
        client.end().catch(() => undefined);
      });
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
