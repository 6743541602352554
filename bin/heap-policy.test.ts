import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { opensDashboard } from './heap-policy.js';

describe('the heap policy of the booklab command', () => {
  it.each([
    [[], true],
    [['tui'], true],
    [['tui', '--case', 'big.case.json'], true],
    [['--case', 'big.case.json'], true],
    [['--no-color'], true],
    [['scenarios', 'run'], false],
    [['serve'], false],
    [['doctor', '--case', 'big.case.json'], false],
    [['help'], false],
    [['--help'], false],
    [['-h'], false],
    [['--version'], false],
    [['-V'], false],
  ])('opens the dashboard for booklab %j: %s', (args, expected) => {
    expect(opensDashboard(args)).toBe(expected);
  });

  it("keeps the dashboard's young generation at its first size while a command's grows", () => {
    /** The young generation's size after 400,000 objects that all live on, in a process with the policy applied. */
    const youngAfterAllocating = (dashboard: boolean) =>
      Number(
        execFileSync(
          process.execPath,
          [
            '--input-type=module',
            '-e',
            `import v8 from 'node:v8';
             import { applyHeapPolicy } from ${JSON.stringify(new URL('./heap-policy.js', import.meta.url).href)};
             applyHeapPolicy({ dashboard: ${dashboard} });
             const kept = [];
             for (let i = 0; i < 400000; i += 1) kept.push({ i, text: 'row ' + i });
             console.log(v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size);`,
          ],
          { encoding: 'utf8' },
        ),
      );
    const dashboard = youngAfterAllocating(true);
    expect(dashboard).toBeLessThanOrEqual(4 * 1024 * 1024);
    expect(youngAfterAllocating(false)).toBeGreaterThan(dashboard);
  });
});
