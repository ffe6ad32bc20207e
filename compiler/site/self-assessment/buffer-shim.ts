/** `Buffer` in the self-assessment page's bundle: only what the runtime's loader uses (a UTF-8 view of bytes). */
export const Buffer = {
  from(buffer: ArrayBufferLike, byteOffset: number, length: number): { toString(encoding: 'utf8'): string } {
    return { toString: () => new TextDecoder().decode(new Uint8Array(buffer, byteOffset, length)) };
  },
};
