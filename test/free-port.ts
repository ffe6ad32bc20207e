/**
 * A free loopback port, for the tests and benches that start `qingdan serve` or nginx as real
 * processes. Its own module, importing only node:net, so a bench can use it without the tests'
 * support code.
 */
import { createServer } from 'node:net';

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
