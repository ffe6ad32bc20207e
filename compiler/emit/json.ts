/**
 * The JSON form of the artifacts: no timestamps, trailing newline. Schemas and the manifest are
 * indented for people; policy.json is compact, since machines load it and indentation more than
 * doubles it (and its load time) at the sizes a large list set reaches.
 */
export function toJson(value: unknown, options: { compact?: boolean } = {}): string {
  return `${JSON.stringify(value, null, options.compact ? undefined : 2)}\n`;
}
