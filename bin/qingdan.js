#!/usr/bin/env node
// The `qingdan` command. Sources are TypeScript, loaded through tsx so that a fresh clone
// runs after `npm ci` with no separate compile step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv);
