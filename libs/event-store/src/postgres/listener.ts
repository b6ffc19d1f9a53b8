import { Client } from 'pg';
import { APPENDED_CHANNEL } from './schema';

const FIRST_RETRY_MS = 250;
const LAST_RETRY_MS = 10_000;

/**
 * One LISTEN connection per store, opened when the first subscription starts, so subscribers wake
 * when another process appends. Best effort: subscriptions poll anyway. A lost connection (the server
 * restarted, the backend was terminated) is opened again with growing pauses, and subscribers are
 * woken once it is back, since notifications sent meanwhile are gone.
 */
export class AppendListener {
  private client: Client | undefined;
  private wanted = false;
  private closed = false;
  private retry: NodeJS.Timeout | undefined;
  private retryMs = FIRST_RETRY_MS;

  constructor(
    private readonly url: string,
    private readonly onNotify: () => void,
  ) {}

  ensureStarted(): void {
    this.wanted = true;
    if (this.client || this.retry || this.closed) return;
    const client = new Client({ connectionString: this.url });
    this.client = client;
    client.on('notification', () => this.onNotify());
    const lost = () => {
      if (this.client !== client) return;
      this.client = undefined;
      client.end().catch(() => undefined);
      this.reconnectLater();
    };
    client.on('error', lost);
    client
      .connect()
      .then(() => client.query(`LISTEN ${APPENDED_CHANNEL}`))
      .then(() => {
        if (this.client !== client) return;
        this.retryMs = FIRST_RETRY_MS;
        this.onNotify();
      })
      .catch(lost);
  }

  private reconnectLater(): void {
    if (this.closed || !this.wanted || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.ensureStarted();
    }, this.retryMs);
    this.retry.unref();
    this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = undefined;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
