/**
 * Reading a stream only up to a bound: what is past it is never read, so a file named by mistake
 * (a disk image) or an endless pipe costs at most the bound, not the heap. Used for bundle
 * archives here and for the CLI's JSON inputs.
 */

/** The bytes of `source`, or undefined once it passes `maxBytes` (the stream is then closed). */
export async function readUpTo(source: AsyncIterable<string | Uint8Array>, maxBytes: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let total = 0;
  // Leaving the loop early closes the stream: nothing past the bound is read.
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    total += bytes.length;
    if (total > maxBytes) return undefined;
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}
