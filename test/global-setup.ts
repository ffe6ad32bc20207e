/**
 * Before any test: brings the compiled CLI in lib/ up to date, so that the tests which spawn
 * bin/qingdan.js run the sources under test (and several files spawning at once do not each
 * rebuild it).
 */
import { build, staleInput } from '../scripts/build.mjs';

export default async function setup(): Promise<void> {
  if (staleInput()) await build();
}
