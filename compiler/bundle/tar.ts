/**
 * A deterministic gzipped ustar writer for bundles: entries in the given order, every header
 * with the same mtime (0), mode (0644), owner (0:0, no names), and a gzip header with no
 * timestamp and a fixed OS byte, so the same files give the same bytes on every machine.
 * It writes only what runtime/ustar.ts reads: regular files with plain names of ≤ 100 bytes.
 */
import { gzipSync } from 'node:zlib';

const BLOCK = 512;

function field(header: Buffer, offset: number, length: number, value: string): void {
  header.write(value, offset, length, 'latin1');
}

/** `n` in octal, zero-padded to `length - 1` digits and NUL-terminated, as ustar numbers are. */
function octal(n: number, length: number): string {
  return `${n.toString(8).padStart(length - 1, '0')}\0`;
}

function header(name: string, size: number): Buffer {
  if (Buffer.byteLength(name) > 100) throw new Error(`bundle entry name longer than 100 bytes: ${name}`);
  const h = Buffer.alloc(BLOCK);
  field(h, 0, 100, name);
  field(h, 100, 8, octal(0o644, 8));
  field(h, 108, 8, octal(0, 8));
  field(h, 116, 8, octal(0, 8));
  field(h, 124, 12, octal(size, 12));
  field(h, 136, 12, octal(0, 12));
  field(h, 148, 8, '        ');
  h[156] = 0x30; // '0': regular file
  field(h, 257, 6, 'ustar\0');
  field(h, 263, 2, '00');
  let sum = 0;
  for (const byte of h) sum += byte;
  field(h, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  return h;
}

/** The uncompressed ustar archive of `files` (name → content), in the map's order. */
export function tar(files: ReadonlyMap<string, Uint8Array>): Buffer {
  const parts: Buffer[] = [];
  for (const [name, content] of files) {
    parts.push(header(name, content.byteLength), Buffer.from(content), Buffer.alloc((BLOCK - (content.byteLength % BLOCK)) % BLOCK));
  }
  parts.push(Buffer.alloc(2 * BLOCK));
  return Buffer.concat(parts);
}

/** gzip with the header's variable parts fixed: MTIME 0 (none) and OS 255 (unknown). */
export function gzipDeterministic(bytes: Uint8Array): Buffer {
  const gz = gzipSync(bytes, { level: 9 });
  gz.writeUInt32LE(0, 4);
  gz[9] = 255;
  return gz;
}

/** The deterministic .tar.gz of `files`. */
export function tarGz(files: ReadonlyMap<string, Uint8Array>): Buffer {
  return gzipDeterministic(tar(files));
}
