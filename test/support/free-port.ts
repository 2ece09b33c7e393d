import { createServer } from 'node:net';

/**
 * Asks the system for a TCP port that is free on 127.0.0.1 by binding port 0
 * and releasing it. Another process may take the port before the caller
 * binds it, so callers that can should retry on "address in use".
 */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0 }, () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('could not read the port bound on 127.0.0.1'));
        return;
      }
      server.close(() => resolvePort(address.port));
    });
  });
}
