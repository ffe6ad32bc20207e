/**
 * JSON with the keys of every object sorted, so that a digest of it does not depend on key order.
 * For JSON data (what JSON.parse gives: no undefined, no functions, finite numbers) this is the
 * JSON Canonicalization Scheme of RFC 8785: keys sorted by UTF-16 code units, strings and numbers
 * as JSON.stringify writes them, no whitespace. An `undefined` is written as null.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
