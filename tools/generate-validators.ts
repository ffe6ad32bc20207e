/** Writes the runtime's precompiled validators: `npm run generate:validators`. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RUNTIME_VALIDATORS_PATH, runtimeValidatorsSource } from '../compiler/emit/validators.js';

const root = fileURLToPath(new URL('..', import.meta.url));
writeFileSync(join(root, RUNTIME_VALIDATORS_PATH), runtimeValidatorsSource());
console.log(`wrote ${RUNTIME_VALIDATORS_PATH}`);
