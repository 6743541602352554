import { tmpdir } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { killLeftoverChildren, runCli } from './support/cli.js';

// `booklab` is run from wherever the developer stands, not only from the clone's root: tsx must compile
// with the project's tsconfig (React's automatic JSX runtime) whatever the working directory.

afterAll(() => killLeftoverChildren());

describe('booklab from another working directory', () => {
  it('renders the dashboard (plain, stdout not a terminal) from the system temp directory', { timeout: 60_000 }, async () => {
    const run = await runCli(['tui'], { cwd: tmpdir() });
    expect(run.stderr).not.toContain('React is not defined');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Focus · Invoices and credit notes');
  });
});
