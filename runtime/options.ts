/**
 * The arguments and options of `Policy.load`, the verifiers and `PolicyClient`, checked before
 * anything is read or fetched. Each mistake here used to pass silently into a weaker check or a
 * busy loop: `{ maxBytes: NaN }` lifted the bound on unpacking, a client without `trustedKeys`
 * took unsigned bundles from the network, an `intervalMs` of NaN, below 1 or beyond what a timer
 * holds polled about a hundred times a second. Plain JavaScript callers have no types to stop
 * them, so the runtime does.
 */
import { OptionError } from './errors.js';
import { trustKeys } from './signature.js';
import { parseVersion } from './version.js';

/** The longest delay a Node timer keeps (2³¹−1 ms, about 24.8 days): beyond it, setTimeout fires after 1 ms. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

const DIGEST = /^[0-9a-f]{64}$/;

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Options that are an object, or absent. */
function checkRecord(options: unknown, name: string): Record<string, unknown> {
  if (options === undefined) return {};
  if (!isRecord(options)) throw new OptionError(name, 'must be an object of options');
  return options;
}

/** A whole number of bytes, at least 1. */
function checkByteCount(value: unknown, name: string): void {
  if (value !== undefined && !(Number.isSafeInteger(value) && (value as number) > 0)) throw new OptionError(name, `must be a whole number of bytes above 0, not ${String(value)}`);
}

/** A number of milliseconds a timer can hold: from 1 to MAX_TIMER_MS. */
function checkDelay(value: unknown, name: string): void {
  if (value !== undefined && !(typeof value === 'number' && value >= 1 && value <= MAX_TIMER_MS)) throw new OptionError(name, `must be a number of milliseconds from 1 to ${MAX_TIMER_MS}, not ${String(value)}`);
}

/** Trusted keys: an array (each key is checked where it is used, by trustKeys). */
function checkKeyList(value: unknown): void {
  if (value !== undefined && !Array.isArray(value)) throw new OptionError('trustedKeys', 'must be an array of Ed25519 public keys (PEM text or KeyObject); to trust one key, pass [key]');
}

/** `source` of Policy.load: a path, or the bytes of an archive. */
export function checkSource(source: unknown): void {
  if (typeof source !== 'string' && !(source instanceof Uint8Array)) throw new OptionError('source', 'must be the path of a bundle (archive or folder) or the bytes of an archive');
}

/** The options of Policy.load and the verifiers (VerifyOptions); cheap enough to check at every entry. */
export function checkVerifyOptions(options: unknown): void {
  const o = checkRecord(options, 'options');
  checkKeyList(o.trustedKeys);
  checkByteCount(o.maxBytes, 'maxBytes');
  const previous = o.previous;
  if (previous === undefined) return;
  if (!isRecord(previous) || typeof previous.version !== 'string' || parseVersion(previous.version) === null || typeof previous.digest !== 'string' || !DIGEST.test(previous.digest)) {
    throw new OptionError('previous', 'must be the held bundle’s { version, digest }: a semantic version and a sha256 in hex');
  }
}

/**
 * The options of PolicyClient.start. A client fetches from the network, so it takes only signed
 * bundles: it must trust at least one key.
 */
export function checkClientOptions(options: unknown): void {
  if (!isRecord(options)) throw new OptionError('options', 'must be an object of options with at least url and trustedKeys');
  let url: URL | undefined;
  try {
    url = typeof options.url === 'string' || options.url instanceof URL ? new URL(options.url) : undefined;
  } catch {
    url = undefined;
  }
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:') throw new OptionError('url', `must be an http or https URL, not ${String(options.url)}`);
  if (!Array.isArray(options.trustedKeys) || options.trustedKeys.length === 0) throw new OptionError('trustedKeys', 'a client takes only signed bundles: trust at least one Ed25519 public key, as [key]');
  // Each key now: a client polls in the background, where a bad key would surface as a crash.
  trustKeys(options.trustedKeys);
  if (options.cacheDir !== undefined && (typeof options.cacheDir !== 'string' || options.cacheDir === '')) throw new OptionError('cacheDir', 'must be the path of a folder');
  checkDelay(options.intervalMs, 'intervalMs');
  checkDelay(options.maxBackoffMs, 'maxBackoffMs');
  checkDelay(options.timeoutMs, 'timeoutMs');
  checkByteCount(options.maxBytes, 'maxBytes');
  for (const name of ['onUpdate', 'onError']) if (options[name] !== undefined && typeof options[name] !== 'function') throw new OptionError(name, 'must be a function');
}
