/**
 * The bundle's HTTP validators. The entity tag names the policy CONTENT — the manifest's content
 * digest — not the archive's bytes: a bundle re-signed (another key, another signature) or
 * rebuilt from the same policy is the same content, so a client holding it is answered 304
 * however it got it. Because two archives of one content may differ in their bytes, the tag is
 * weak (RFC 9110 §8.8.1: `W/`); the archive's own sha256 goes in `Repr-Digest` (RFC 9530) for
 * whoever wants to check the bytes of the transfer.
 */

/** `W/"<content digest>"`: the entity tag of a bundle with this content digest. */
export function bundleEntityTag(contentDigest: string): string {
  return `W/"${contentDigest}"`;
}

/** `sha-256=:<base64>:`, RFC 9530's Repr-Digest field value for an archive whose sha256 is `hex`. */
export function reprDigest(hex: string): string {
  return `sha-256=:${Buffer.from(hex, 'hex').toString('base64')}:`;
}

/** The opaque part of an entity tag, without `W/` and quotes; undefined when it is not one. */
function opaqueTag(tag: string): string | undefined {
  const m = /^(?:W\/)?"([^"]*)"$/.exec(tag.trim());
  return m?.[1];
}

/**
 * True when an `If-None-Match` field value matches `etag` — `*`, or any listed tag equal to it
 * under the weak comparison If-None-Match uses (RFC 9110 §13.1.2). Clients may send the bare
 * content digest in quotes, as they read it from the manifest.
 */
export function noneMatchHits(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const wanted = opaqueTag(etag);
  return ifNoneMatch.split(',').some((tag) => opaqueTag(tag) === wanted);
}
