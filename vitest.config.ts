import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // vitest's default is one worker fewer than the cores — one on a 2-core machine — which runs
    // the files one after another while many of them wait on child processes (git, npm, nginx,
    // serve, builds). One worker per core, and at least two.
    maxWorkers: Math.max(2, availableParallelism()),
    // Test files share no mutable module state (no mocks, no stubbed globals, no chdir), so a
    // worker keeps the modules it imported — the compiler, chevrotain, ajv — instead of importing
    // them again for every file. A test that changed a shared module's state would leak into the
    // files after it in the same worker. Fixtures made once per worker this way (the governance
    // repositories of test/governance/fixture.ts) are only ever handed out as copies.
    isolate: false,
  },
});
