/** The runtime's precompiled validators are those of the compiler's schemas, regenerated. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RUNTIME_VALIDATORS_PATH, runtimeValidatorsSource } from '../compiler/emit/validators.js';
import { ROOT } from './support.js';

describe('runtime/validators.generated.ts', () => {
  it('is what the schemas in compiler/emit/schemas generate (run `npm run generate:validators` when this fails)', async () => {
    const committed = await readFile(join(ROOT, RUNTIME_VALIDATORS_PATH), 'utf8');
    expect(committed === runtimeValidatorsSource(), 'runtime/validators.generated.ts is stale: run `npm run generate:validators`').toBe(true);
  });

  it('generates the same bytes twice', () => {
    expect(runtimeValidatorsSource()).toBe(runtimeValidatorsSource());
  });
});
