/**
 * Real processes for the pull tests: a free loopback port, a child whose stdout is read as JSON
 * lines and waited on, `qingdan serve`, the client program, and Debian's nginx serving a folder
 * from a temporary prefix (no daemon, its own config, pid file and logs, 127.0.0.1 only).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, rename, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { driverPath } from './drivers.js';
import { ROOT, tempDir } from './support.js';

export { freePort } from './free-port.js';

export interface Child {
  readonly process: ChildProcess;
  /** Every stdout line parsed as JSON (others kept as { text }). */
  readonly lines: Record<string, unknown>[];
  /**
   * Resolves with the first line that satisfies `test`: from line `since` on when given (a line
   * an action made may arrive before the wait for it begins: take `lines.length` before acting),
   * else from now on.
   */
  waitFor(test: (line: Record<string, unknown>) => boolean, what: string, timeoutMs?: number, since?: number): Promise<Record<string, unknown>>;
  stop(signal?: NodeJS.Signals): Promise<void>;
  output(): string;
}

export function spawnChild(command: string, args: string[], options: { cwd?: string } = {}): Child {
  const child = spawn(command, args, { cwd: options.cwd ?? ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  let pending = '';
  const waiters = new Set<{ test: (l: Record<string, unknown>) => boolean; resolve: (l: Record<string, unknown>) => void }>();
  child.stdout!.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const parts = pending.split('\n');
    pending = parts.pop()!;
    for (const part of parts) {
      raw.push(part);
      let line: Record<string, unknown>;
      try {
        line = JSON.parse(part) as Record<string, unknown>;
      } catch {
        line = { text: part };
      }
      lines.push(line);
      for (const w of waiters) if (w.test(line)) (waiters.delete(w), w.resolve(line));
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => raw.push(chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    process: child,
    lines,
    output: () => raw.join('\n'),
    waitFor(test, what, timeoutMs = 60_000, since) {
      const seen = since === undefined ? undefined : lines.slice(since).find(test);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const waiter = { test, resolve: (l: Record<string, unknown>) => (clearTimeout(timer), resolve(l)) };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`timed out waiting for ${what}; last output:\n${raw.slice(-8).join('\n')}`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

let publications = 0;

/** Replaces `path` with `bytes` in one rename, with an mtime of its own (nginx's ETag is mtime and size). */
export async function publish(path: string, bytes: Uint8Array): Promise<void> {
  const temporary = `${path}.tmp`;
  await writeFile(temporary, bytes);
  const when = new Date(Date.UTC(2026, 0, 1) + ++publications * 1000);
  await utimes(temporary, when, when);
  await rename(temporary, path);
}

/** The pull-test client program (test/client-process.ts, compiled: see test/drivers.ts) in its own Node process. */
export function startClient(url: string, keyFile: string, cacheDir: string, intervalMs = 150): Child {
  return spawnChild(process.execPath, [driverPath('client-process'), url, keyFile, cacheDir, String(intervalMs)]);
}

/** `qingdan serve` in its own process, with the bundle file watched every 100 ms. */
export function startServe(bundlePath: string, keyFile: string, port: number): Child {
  return spawnChild(process.execPath, [join(ROOT, 'bin/qingdan.js'), 'serve', bundlePath, '--key', keyFile, '--port', String(port), '--watch-interval', '100']);
}

/** Debian's nginx serving `root` on 127.0.0.1:`port`, as a CDN or object store would serve files. */
export async function startNginx(root: string, port: number): Promise<Child> {
  const prefix = await tempDir('qingdan-nginx-');
  await mkdir(join(prefix, 'logs'), { recursive: true });
  const conf = join(prefix, 'nginx.conf');
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${join(prefix, t)};`).join('\n  ');
  await writeFile(
    conf,
    `daemon off;
master_process off;
worker_processes 1;
pid ${join(prefix, 'nginx.pid')};
error_log ${join(prefix, 'logs/error.log')} warn;
events { worker_connections 64; }
http {
  access_log off;
  ${temp}
  types { application/gzip gz; }
  server {
    listen 127.0.0.1:${port};
    root ${root};
    etag on;
  }
}
`,
  );
  const nginx = spawnChild('nginx', ['-p', prefix, '-c', conf, '-e', join(prefix, 'logs/error.log')]);
  for (let i = 0; i < 100; i++) {
    if (nginx.process.exitCode !== null) throw new Error(`nginx exited: ${nginx.output()}`);
    const up = await fetch(`http://127.0.0.1:${port}/`).then(
      () => true,
      () => false,
    );
    if (up) return nginx;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('nginx did not start');
}
