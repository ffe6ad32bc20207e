/** The one JSON form of every artifact: two-space indent, trailing newline, no timestamps. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
