import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { Client, type ClientConfig } from 'pg';
import { from as copyFrom, type CopyStreamQuery } from 'pg-copy-streams';
import type { TableColumn } from '@app/read-models/tables/define';
import { CopyChunks } from './copy-text';

/** Bytes queued before a writer waits: several batches, so computing rarely stops for the server. */
const BUFFER = 8 * 1024 * 1024;
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Streams rows into one table with a single `COPY … FROM STDIN` on a connection of its own, open
 * for as long as rows keep coming: the server parses and stores them while this process computes
 * the next ones, with no round trip per batch. For a rebuild's shadow tables, which receive each
 * row once: opening empties the table and locks it until `end()` commits, when the rows become
 * visible together.
 */
export class TableLoader {
  private failure: { error: unknown } | undefined;
  private rows = 0;
  private readonly chunks: CopyChunks;

  private constructor(
    private readonly client: Client,
    private readonly stream: CopyStreamQuery,
    columns: readonly TableColumn[],
  ) {
    this.chunks = new CopyChunks(columns);
    // Kept for the next write or end(); an 'error' without a listener would crash the process.
    stream.on('error', (error) => {
      this.failure ??= { error };
    });
  }

  /** `columns`: the table's, in its order (a read-model table's come from its definition). */
  static async open(connection: ClientConfig, schema: string, table: string, columns: readonly TableColumn[]): Promise<TableLoader> {
    const client = new Client(connection);
    client.on('error', () => undefined); // reported through the stream
    await client.connect();
    try {
      const names = columns.map((c) => quote(c.name)).join(', ');
      // Emptied in the COPY's own transaction, so the rows can be written frozen (FREEZE): already
      // visible to all, with no hint bits for the first reader to set (each a logged page image)
      // and nothing left for vacuum.
      await client.query('BEGIN');
      await client.query(`TRUNCATE ${quote(schema)}.${quote(table)}`);
      const stream = client.query(copyFrom(`COPY ${quote(schema)}.${quote(table)} (${names}) FROM STDIN FREEZE`, { highWaterMark: BUFFER }));
      return new TableLoader(client, stream, columns);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
  }

  /** Queues the rows; waits only while the connection's buffer is full (the server is behind). */
  async write(rows: readonly object[]): Promise<void> {
    if (this.failure) throw this.failure.error;
    if (rows.length === 0) return;
    this.rows += rows.length;
    for (const chunk of this.chunks.add(rows)) if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  /** Ends the COPY (its rows commit) and closes the connection; returns the rows the server took. */
  async end(): Promise<number> {
    try {
      if (this.failure) throw this.failure.error;
      const rest = this.chunks.rest();
      if (rest) this.stream.write(rest);
      this.stream.end();
      await finished(this.stream);
      if (this.stream.rowCount !== this.rows) throw new Error(`COPY took ${this.stream.rowCount} of ${this.rows} rows`);
      await this.client.query('COMMIT');
      return this.rows;
    } finally {
      await this.client.end().catch(() => undefined);
    }
  }

  /** Abandons the COPY: nothing it received is kept. */
  async abort(): Promise<void> {
    this.stream.destroy(new Error('load abandoned'));
    await this.client.end().catch(() => undefined);
  }
}
