/**
 * Whether two artifact values are the same as JSON: `sameJson(a, b)` is
 * `JSON.stringify(a) === JSON.stringify(b)` — key order counts, a property holding `undefined`
 * is absent, `undefined` in an array and a non-finite number are `null` — decided by walking
 * both values at once instead of writing two texts. The semantic diff compares every field of
 * every common item this way, and the texts were most of its time.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  return same(a, b, false);
}

function same(a: unknown, b: unknown, inArray: boolean): boolean {
  if (a === b) return true;
  const x = asWritten(a, inArray);
  const y = asWritten(b, inArray);
  if (x === y) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  // A value with its own JSON form (none in an artifact) is compared by that form.
  if (hasToJson(x) || hasToJson(y)) return JSON.stringify(x) === JSON.stringify(y);
  const isArray = Array.isArray(x);
  if (isArray !== Array.isArray(y)) return false;
  if (isArray) {
    const u = x as unknown[];
    const v = y as unknown[];
    if (u.length !== v.length) return false;
    for (let i = 0; i < u.length; i++) if (!same(u[i], v[i], true)) return false;
    return true;
  }
  const u = x as Record<string, unknown>;
  const v = y as Record<string, unknown>;
  const keys = writtenKeys(u);
  const others = writtenKeys(v);
  if (keys.length !== others.length) return false;
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] !== others[i] || !same(u[keys[i]!], v[keys[i]!], false)) return false;
  }
  return true;
}

/** What JSON.stringify writes for a value: `undefined` for nothing, `null` where it writes null. */
function asWritten(value: unknown, inArray: boolean): unknown {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return inArray ? null : undefined;
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}

/** The keys JSON.stringify writes for an object, in its order. */
function writtenKeys(o: Record<string, unknown>): string[] {
  const keys: string[] = [];
  for (const key of Object.keys(o)) {
    const value = o[key];
    if (value !== undefined && typeof value !== 'function' && typeof value !== 'symbol') keys.push(key);
  }
  return keys;
}

function hasToJson(value: object): boolean {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}
