#!/usr/bin/env node
// The `qingdan` command. It runs the JavaScript that scripts/build.mjs compiled into lib/ (on
// `npm ci`); when a TypeScript source changed since, it rebuilds first rather than run old code.
import { build, staleInput } from '../scripts/build.mjs';

const stale = staleInput();
if (stale) {
  process.stderr.write(`qingdan: ${stale} changed since lib/ was built; rebuilding\n`);
  try {
    await build();
  } catch (e) {
    // esbuild has printed the located errors already.
    process.stderr.write(`qingdan: cannot rebuild lib/: ${e.message.split('\n')[0]}\n`);
    process.exit(2);
  }
}
if (process.env.QINGDAN_DEBUG) process.setSourceMapsEnabled(true);
const { main, processIo } = await import('../lib/qingdan.js');
process.exitCode = await main(process.argv.slice(2), processIo());
