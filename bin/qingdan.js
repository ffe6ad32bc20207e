#!/usr/bin/env node
// The `qingdan` command. It runs the JavaScript that scripts/build.mjs compiled into lib/ (on
// `npm ci`); when a TypeScript source changed since, it rebuilds first rather than run old code.
// Commands that read whole policies run in a second process under V8 flags of their own
// (heavy-commands.js).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build, rebuildNotice, staleInput } from '../scripts/build.mjs';
import { relaunchArgs } from './heavy-commands.js';

const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Runs `args` in a new node process whose output, exit code and death by a signal are this one's. */
function relaunch(args) {
  const child = spawn(process.execPath, args, { stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  for (const signal of FORWARDED) process.on(signal, forward);
  child.on('exit', (code, signal) => {
    for (const s of FORWARDED) process.off(s, forward);
    if (signal) process.kill(process.pid, signal);
    else process.exitCode = code ?? 1;
  });
}

/** Runs the command in this process, after rebuilding lib/ if a source changed. */
async function runHere() {
  const stale = staleInput();
  if (stale) {
    process.stderr.write(rebuildNotice(stale));
    try {
      await build();
      // esbuild's service process would otherwise live as long as this one: a child of `serve`
      // or `lsp` that nothing uses (and that a supervisor counting children would miscount).
      (await import('esbuild')).stop();
    } catch (e) {
      // esbuild has printed the located errors already.
      process.stderr.write(`qingdan: cannot rebuild lib/: ${e.message.split('\n')[0]}\n`);
      process.exit(2);
    }
  }
  if (process.env.QINGDAN_DEBUG) process.setSourceMapsEnabled(true);
  const { main, processIo } = await import('../lib/qingdan.js');
  process.exitCode = await main(process.argv.slice(2), processIo());
}

const args = relaunchArgs(fileURLToPath(import.meta.url), process.argv.slice(2), process.execArgv, process.env);
if (args) relaunch(args);
else await runHere();
