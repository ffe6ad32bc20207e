/**
 * A small, strict reader of gzipped POSIX ustar archives, the container of a policy bundle.
 * It accepts only what `qingdan bundle` writes: regular files with plain relative names, each
 * once. Anything else (links, folders, devices, pax or GNU extension headers, `..`, absolute
 * names, a name given twice) is refused rather than interpreted, because every interpretation
 * an archive reader makes is one an attacker can steer. Dependency-free: node:zlib only.
 */
import { gunzipSync } from 'node:zlib';
import { PolicyLoadError } from './errors.js';

const BLOCK = 512;

/** A bundle is ~100 kB; 32 MiB of unpacked bytes is far beyond any real one and bounds a gzip bomb. */
export const DEFAULT_MAX_UNPACKED_BYTES = 32 * 1024 * 1024;

/**
 * One path segment: starts with a letter or digit (so never `.`, `..` or a hidden file), then
 * letters, digits, `.`, `_` and `-`. A name is one or more segments joined by `/`.
 */
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Unpacks `gz` to at most `maxBytes`; a larger stream is a bomb, not a bundle. */
function gunzipBounded(gz: Uint8Array, maxBytes: number): Buffer {
  try {
    return gunzipSync(gz, { maxOutputLength: maxBytes });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) throw new PolicyLoadError(`the archive unpacks to more than ${maxBytes} bytes`, 'archive-too-large');
    if (code === 'Z_BUF_ERROR') throw new PolicyLoadError('the archive ends before its gzip stream does', 'archive-truncated');
    // Bytes that start as gzip and then fail (a flipped byte fails the CRC) are a damaged bundle, not another format.
    const gzip = gz.length >= 2 && gz[0] === 0x1f && gz[1] === 0x8b;
    throw new PolicyLoadError(gzip ? `the archive's gzip stream is damaged (${(e as Error).message})` : 'the archive is not a gzip stream', 'archive-corrupt');
  }
}

/** The NUL-terminated ASCII string in `field`. */
function text(field: Buffer): string {
  const end = field.indexOf(0);
  return field.toString('latin1', 0, end === -1 ? field.length : end);
}

/** The octal number in `field` (ustar pads with leading zeros, ends with NUL or space). */
function octal(field: Buffer, what: string): number {
  const digits = text(field).trim();
  if (!/^[0-7]{1,11}$/.test(digits)) throw new PolicyLoadError(`an archive header has a malformed ${what}`, 'archive-corrupt');
  return parseInt(digits, 8);
}

/** True when the 512 bytes at `offset` are all zero (the end-of-archive marker). */
function zeroBlock(tar: Buffer, offset: number): boolean {
  for (let i = offset; i < offset + BLOCK; i++) if (tar[i] !== 0) return false;
  return true;
}

/** Throws unless `name` is a plain relative path the bundle format allows. */
export function checkEntryName(name: string): void {
  if (name.startsWith('/')) throw new PolicyLoadError(`the archive entry ${JSON.stringify(name)} has an absolute path`, 'archive-path');
  const segments = name.split('/');
  if (segments.includes('..')) throw new PolicyLoadError(`the archive entry ${JSON.stringify(name)} climbs out of the bundle`, 'archive-path');
  if (!segments.every((s) => SEGMENT.test(s))) throw new PolicyLoadError(`the archive entry ${JSON.stringify(name)} is not a name a bundle may use`, 'archive-path');
}

/** Checks one header block and returns the entry's name and size. */
function readHeader(header: Buffer): { name: string; size: number } {
  if (header.toString('latin1', 257, 263) !== 'ustar\0' || header.toString('latin1', 263, 265) !== '00') {
    throw new PolicyLoadError('an archive entry is not a POSIX ustar header', 'archive-corrupt');
  }
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i]!;
  if (sum !== octal(header.subarray(148, 156), 'checksum')) throw new PolicyLoadError('an archive header fails its checksum', 'archive-corrupt');
  const prefix = text(header.subarray(345, 500));
  const name = (prefix ? `${prefix}/` : '') + text(header.subarray(0, 100));
  const type = String.fromCharCode(header[156]!);
  if (type === '1' || type === '2') throw new PolicyLoadError(`the archive entry ${JSON.stringify(name)} is a link`, 'archive-link');
  if (type !== '0' && type !== '\0') throw new PolicyLoadError(`the archive entry ${JSON.stringify(name)} is not a regular file (type ${JSON.stringify(type)})`, 'archive-entry-type');
  checkEntryName(name);
  return { name, size: octal(header.subarray(124, 136), 'size') };
}

/**
 * The regular files of the gzipped ustar archive `gz`, name → bytes, in archive order.
 * Throws PolicyLoadError (archive-*) on anything but plain, uniquely named regular files.
 */
export function readTarGz(gz: Uint8Array, maxBytes: number = DEFAULT_MAX_UNPACKED_BYTES): Map<string, Uint8Array> {
  const tar = gunzipBounded(gz, maxBytes);
  if (tar.length % BLOCK !== 0) throw new PolicyLoadError('the archive is not a whole number of 512-byte blocks', 'archive-truncated');
  const files = new Map<string, Uint8Array>();
  let offset = 0;
  for (;;) {
    if (offset + BLOCK > tar.length) throw new PolicyLoadError('the archive ends without its end-of-archive marker', 'archive-truncated');
    if (zeroBlock(tar, offset)) break;
    const { name, size } = readHeader(tar.subarray(offset, offset + BLOCK));
    offset += BLOCK;
    if (offset + size > tar.length) throw new PolicyLoadError(`the archive ends inside ${name}`, 'archive-truncated');
    if (files.has(name)) throw new PolicyLoadError(`the archive holds ${name} twice`, 'archive-duplicate');
    files.set(name, tar.subarray(offset, offset + size));
    offset += Math.ceil(size / BLOCK) * BLOCK;
  }
  return files;
}
