import { createServer } from 'node:net';

const bindable = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/**
 * A port for a server a test starts later (an embedded PostgreSQL), free now and below the
 * ephemeral range (32768–60999 here): a port from that range can be handed to any outgoing
 * connection on the machine before the server binds it.
 */
export async function serverPort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await bindable(port)) return port;
  }
}
