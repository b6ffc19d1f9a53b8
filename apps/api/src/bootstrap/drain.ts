import type { Server } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

/**
 * Lets an HTTP server stop without resetting a connection. `server.close()` (Node 19+) destroys
 * every keep-alive connection that is idle at that instant, and a client that has just sent its next
 * request on one gets ECONNRESET. Instead: stop accepting connections, answer every further request
 * with `Connection: close`, and wait until each connection has closed, either after its last answer
 * or by the server's keep-alive timeout, which clients know from the `Keep-Alive` header and honour
 * by not reusing a connection that old. Bounded by `maxMs`; what is left then is closed by the caller.
 */
export function drainOnStop(server: Server): (maxMs: number) => Promise<void> {
  const sockets = new Set<Socket>();
  let draining = false;
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('request', (_request, response) => {
    if (draining && !response.headersSent) response.setHeader('Connection', 'close');
  });
  return async (maxMs) => {
    draining = true;
    // The listening socket only, without Node's closing of idle connections.
    NetServer.prototype.close.call(server);
    const until = Date.now() + maxMs;
    while (sockets.size > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  };
}
