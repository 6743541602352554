import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    include: ['{core,mock-accounting,primitives,scenarios,tui,test,bin}/**/*.test.{ts,tsx}'],
    // vitest leaves one CPU free by default, which on CI's 2 cores is one worker: the suite took 308 s there, 224 s on
    // two (same 1,762 tests green); most files wait on child processes, tmux or the disk, not the CPU.
    maxWorkers: availableParallelism(),
    // Each file in a fresh module graph cost about a second of imports per file (78 s of 150 s for the unit files on
    // 2 cores); the files keep no state in modules that another file could see (no vi.mock, no env stubs), so one
    // graph per worker is shared: the whole suite went from 218 s to 124 s here, every test green.
    isolate: false,
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
