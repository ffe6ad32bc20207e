/** CPU time of this process, as the benches that time phases read it. */

/** CPU time this process has used (user + system, every thread), in milliseconds. */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
