import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { httpClassesOf, type HttpPrototypes } from '../primitives/index.js';

/** A listening server and how to stop it. */
export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:5080`. */
  url: string;
  port: number;
  server: Server;
  /** Stops accepting, lets in-flight requests finish (at most `graceMs`), then closes the rest. */
  close(graceMs?: number): Promise<void>;
}

/**
 * Starts an app on a host and port (port 0 picks a free one). Binds to 127.0.0.1 unless told otherwise.
 * @example const { url, close } = await listen(createApp(store), { port: 0 });
 */
export function listen(
  app: RequestListener & HttpPrototypes,
  { host = '127.0.0.1', port = 5080 }: { host?: string; port?: number } = {},
): Promise<RunningServer> {
  // Requests and responses made of the app's own prototypes, so Express's swap of them changes nothing (httpClassesOf).
  const server = createServer(httpClassesOf(app), app);
  server.keepAliveTimeout = 5_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({
        url: `http://${shownHost}:${address.port}`,
        port: address.port,
        server,
        close: (graceMs = 5_000) =>
          new Promise<void>((done) => {
            const force = setTimeout(() => server.closeAllConnections(), graceMs);
            force.unref();
            server.close(() => {
              clearTimeout(force);
              done();
            });
            server.closeIdleConnections();
          }),
      });
    });
  });
}
