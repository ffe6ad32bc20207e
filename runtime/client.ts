/**
 * PolicyClient: keeps a verified policy in the caller's process by polling a bundle URL —
 * `qingdan serve`, or any static web server, CDN or object store holding the .tar.gz.
 *
 * Each poll sends If-None-Match; a new bundle is verified (signature by a trusted key, every
 * digest, no rollback, no equivocation) before it replaces the held one in one assignment, so a
 * decision never sees half a bundle. Any failure keeps the last good bundle and retries later
 * with exponential back-off and jitter. The last good bundle is persisted to a cache folder, so
 * a restart while the server is down still decides (and still refuses an older bundle).
 */
import { randomBytes } from 'node:crypto';
import { closeSync, constants, openSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PolicyLoadError } from './errors.js';
import { readRegularFile } from './load.js';
import { Policy } from './policy.js';
import type { TrustedKey } from './signature.js';
import { DEFAULT_MAX_UNPACKED_BYTES } from './ustar.js';
import type { EvaluationResponse } from './request.js';
import { makeDirectorySync } from './make-directory.js';
import { checkClientOptions } from './options.js';

export interface PolicyClientOptions {
  /** The bundle's URL (http or https). */
  readonly url: string | URL;
  /** Ed25519 public keys (PEM or KeyObject), at least one; only bundles signed by one of them are taken. */
  readonly trustedKeys: readonly TrustedKey[];
  /** Folder to keep the last good bundle in (created if absent); without it a restart needs the server. */
  readonly cacheDir?: string;
  /** Time between polls after a success (default 60 s); delays are 1 ms to 2³¹−1 ms, what a timer holds. */
  readonly intervalMs?: number;
  /** Longest wait between polls while failing (default 15 min). */
  readonly maxBackoffMs?: number;
  /** Time limit of one request (default 10 s). */
  readonly timeoutMs?: number;
  /** Largest download accepted, and bound on its unpacked size (default 32 MiB). */
  readonly maxBytes?: number;
  /** Called after a new bundle is swapped in. */
  readonly onUpdate?: (state: PolicyClientState) => void;
  /** Called after a poll fails (the held bundle stays). */
  readonly onError?: (state: PolicyClientState) => void;
}

/** The most a cache's meta file (its ETag, version and digest) may hold. */
const MAX_META_BYTES = 64 * 1024;

/** What the client holds and how its polling goes. */
export interface PolicyClientState {
  readonly version: string | null;
  readonly digest: string | null;
  /** Where the held bundle came from. */
  readonly source: 'server' | 'cache' | null;
  /** The last poll that ended with a verified bundle or 304 Not Modified. */
  readonly lastSuccess: Date | null;
  /**
   * The last failure: a PolicyLoadError code, `http-<status>`, `network`, `too-large`,
   * `cache-write`, or `internal` (a background poll threw what it should not, e.g. a callback).
   */
  readonly lastError: { readonly code: string; readonly message: string; readonly at: Date } | null;
  readonly consecutiveFailures: number;
}

/** No policy yet: neither the cache nor the server gave a verified bundle. */
export class PolicyUnavailableError extends Error {
  override readonly name = 'PolicyUnavailableError';
}

/** Why a download failed, before the bundle itself was looked at. */
class FetchError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** An entity tag (RFC 9110 §8.8.3): optionally weak, quoted, of visible characters other than `"`. */
const ENTITY_TAG = /^(?:W\/)?"[\x21\x23-\x7e\x80-\xff]*"$/;

const BUNDLE_FILE = 'bundle.tar.gz';
const META_FILE = 'bundle.json';

/** The body of `response`, refused as soon as it passes `maxBytes`. */
async function boundedBody(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw new FetchError(`the bundle is ${declared} bytes, more than ${maxBytes}`, 'too-large');
  if (!response.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (e) {
      // The connection closed mid-body, the time limit passed, or the content encoding is broken.
      throw new FetchError(`the download broke off after ${total} bytes: ${(e as Error).message}`, 'network');
    }
    const { done, value } = chunk;
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new FetchError(`the bundle is more than ${maxBytes} bytes`, 'too-large');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * The If-None-Match value for a client holding content `digest`: the tag the server last sent
 * (a static server's own, e.g. nginx's mtime-size tag) and the content digest itself, which is
 * `qingdan serve`'s entity tag — so a restart from a cache without a recorded tag still gets 304.
 * A 200 is verified in full whatever the tags said.
 */
function conditionFor(digest: string, etag: string | undefined): string {
  const content = `"${digest}"`;
  return etag === undefined || etag === `W/${content}` || etag === content ? content : `${etag}, ${content}`;
}

/**
 * Writes `bytes` to `path` through a temporary file and a rename, so a reader never sees half.
 * The temporary file is created new (O_EXCL, never through a link) under a random name: at a
 * name anyone could predict, a link planted in a shared cache folder had the client overwrite
 * whatever file it pointed to. The rename replaces a link at `path` itself, never its target.
 */
function writeAtomically(path: string, bytes: Uint8Array | string): void {
  const temporary = `${path}.tmp-${process.pid}-${randomBytes(8).toString('hex')}`;
  const fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o644);
  try {
    writeFileSync(fd, bytes);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}

export class PolicyClient {
  private held: Policy | undefined;
  private etag: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private current: PolicyClientState = { version: null, digest: null, source: null, lastSuccess: null, lastError: null, consecutiveFailures: 0 };

  private constructor(private readonly options: PolicyClientOptions) {}

  /**
   * Starts a client: loads the cached bundle if any, polls once, then keeps polling in the
   * background (the timer does not keep the process alive). Never throws for a network or
   * bundle failure: `state` says what happened, and `evaluate` refuses until a policy is held.
   * Options it cannot work with (no trusted key, a URL that is not http or https, a delay a
   * timer cannot hold…) throw an OptionError at once.
   */
  static async start(options: PolicyClientOptions): Promise<PolicyClient> {
    checkClientOptions(options);
    const client = new PolicyClient(options);
    await client.loadCache();
    await client.refresh();
    client.schedule();
    return client;
  }

  /** The held policy, or undefined before any bundle was verified. */
  get policy(): Policy | undefined {
    return this.held;
  }

  get state(): PolicyClientState {
    return this.current;
  }

  /** Decides `request` with the held policy; throws PolicyUnavailableError when none is held. */
  evaluate(request: unknown): EvaluationResponse {
    if (!this.held) throw new PolicyUnavailableError(`no verified policy from ${String(this.options.url)} yet${this.current.lastError ? ` (${this.current.lastError.code}: ${this.current.lastError.message})` : ''}`);
    return this.held.evaluate(request);
  }

  /** Stops polling. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** Polls once; true when it ended in a verified bundle or 304. The held bundle survives any failure. */
  async refresh(): Promise<boolean> {
    const maxBytes = this.options.maxBytes ?? DEFAULT_MAX_UNPACKED_BYTES;
    try {
      const headers: Record<string, string> = {};
      if (this.held) headers['if-none-match'] = conditionFor(this.held.digest, this.etag);
      let response: Response;
      try {
        response = await fetch(this.options.url, { headers, signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000) });
      } catch (e) {
        throw new FetchError(`cannot reach ${String(this.options.url)}: ${(e as Error).message}`, 'network');
      }
      if (response.status === 304 && this.held) {
        this.succeed(this.current.source);
        return true;
      }
      if (response.status !== 200) {
        await response.body?.cancel();
        throw new FetchError(`${String(this.options.url)} answered ${response.status}`, `http-${response.status}`);
      }
      const bytes = await boundedBody(response, maxBytes);
      const policy = await Policy.load(bytes, { trustedKeys: this.options.trustedKeys, maxBytes, ...(this.held ? { previous: { version: this.held.version, digest: this.held.digest } } : {}) });
      const changed = policy.digest !== this.held?.digest;
      this.held = policy;
      this.etag = response.headers.get('etag') ?? undefined;
      this.succeed('server');
      this.persist(bytes);
      if (changed) this.options.onUpdate?.(this.current);
      return true;
    } catch (e) {
      if (!(e instanceof FetchError || e instanceof PolicyLoadError)) throw e;
      this.failed(e.code, e.message);
      this.options.onError?.(this.current);
      return false;
    }
  }

  /** Records a failed poll: its code and message, and one more failure in a row (the back-off counts them). */
  private failed(code: string, message: string): void {
    this.current = { ...this.current, lastError: { code, message, at: new Date() }, consecutiveFailures: this.current.consecutiveFailures + 1 };
  }

  private succeed(source: PolicyClientState['source']): void {
    this.current = { ...this.current, version: this.held!.version, digest: this.held!.digest, source, lastSuccess: new Date(), consecutiveFailures: 0 };
  }

  /**
   * The wait before the next poll: the interval after a success; after n failures a random
   * time up to interval·2ⁿ (capped), so many clients that lost the same server do not return
   * to it in step.
   */
  nextDelay(): number {
    const interval = this.options.intervalMs ?? 60_000;
    const failures = this.current.consecutiveFailures;
    if (failures === 0) return interval;
    const ceiling = Math.min(this.options.maxBackoffMs ?? 15 * 60_000, interval * 2 ** Math.min(failures, 20));
    return interval / 2 + Math.random() * Math.max(0, ceiling - interval / 2);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      // A background poll must not end the integrator's process: whatever a poll throws that
      // `refresh` does not expect (a defect, or an onUpdate/onError callback that throws) is
      // recorded as the last error, the held bundle kept, and polling goes on.
      this.refresh()
        .catch((e: unknown) => this.failed('internal', e instanceof Error ? e.message : String(e)))
        .finally(() => this.schedule());
    }, this.nextDelay());
    this.timer.unref();
  }

  /** Takes the cached bundle, verified like a downloaded one; a bad cache is reported and ignored. */
  private async loadCache(): Promise<void> {
    const dir = this.options.cacheDir;
    if (!dir) return;
    const maxBytes = this.options.maxBytes ?? DEFAULT_MAX_UNPACKED_BYTES;
    try {
      // Only a regular file, bounded, opened without waiting (load.ts): a FIFO there blocked the
      // integrator's whole process at start, and a disk image was read into memory.
      const bytes = readRegularFile(dir, BUNDLE_FILE, maxBytes);
      if (!bytes) return;
      this.held = await Policy.load(bytes, { trustedKeys: this.options.trustedKeys, ...(this.options.maxBytes ? { maxBytes: this.options.maxBytes } : {}) });
      this.current = { ...this.current, version: this.held.version, digest: this.held.digest, source: 'cache' };
    } catch (e) {
      if (!(e instanceof PolicyLoadError)) throw e;
      this.current = { ...this.current, lastError: { code: e.code, message: `the cached bundle: ${e.message}`, at: new Date() } };
      return;
    }
    try {
      const meta = readRegularFile(dir, META_FILE, MAX_META_BYTES);
      const etag = meta ? (JSON.parse(meta.toString('utf8')) as { etag?: unknown }).etag : undefined;
      // Only an entity tag as HTTP writes one: any other text in If-None-Match made every poll
      // fail before it was sent, so a planted cache file kept the client from the server for good.
      if (typeof etag === 'string' && ENTITY_TAG.test(etag)) this.etag = etag;
    } catch {
      // Without the ETag the next poll downloads the bundle again: slower, not wrong.
    }
  }

  /** Saves the held bundle; a failure to (a full disk) is reported and costs only offline restarts. */
  private persist(bytes: Uint8Array): void {
    const dir = this.options.cacheDir;
    if (!dir) return;
    try {
      makeDirectorySync(dir);
      writeAtomically(join(dir, BUNDLE_FILE), bytes);
      writeAtomically(join(dir, META_FILE), `${JSON.stringify({ etag: this.etag ?? null, version: this.held!.version, digest: this.held!.digest })}\n`);
    } catch (e) {
      this.current = { ...this.current, lastError: { code: 'cache-write', message: `cannot write the cache in ${dir}: ${(e as Error).message}`, at: new Date() } };
    }
  }
}
