/**
 * Numeric options are written in decimal digits. `Number` took `--max-persons 0x10` as 16 and
 * `--body-limit 1e3` as 1000, readings nobody writes on purpose.
 */

/** The number `text` writes in decimal digits (`8181`, `0`), or NaN: `0x10`, `1e3`, `-1`, ` 5` and `` are none. */
export function decimalNumber(text: string): number {
  return /^\d+$/.test(text) ? Number(text) : Number.NaN;
}
