import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // vitest's default on this 2-core machine is one worker (cores − 1), which runs the files one
    // after another while many of them wait on child processes (git, npm, nginx, serve, builds).
    maxWorkers: 2,
    // Test files share no mutable module state (no mocks, no globals), so a worker keeps the
    // modules it imported — the compiler, chevrotain, ajv — instead of importing them per file.
    isolate: false,
  },
});
