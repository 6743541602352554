import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/**
 * The young generation's size in a fresh process, after `before` (a call of this module, or nothing), 400,000 objects
 * that all live on, then `after` and 2,000,000 objects that die young: what a case's load and then keys allocate.
 */
function youngGeneration({ before, after }: { before: string; after: string }): { loaded: number; interactive: number } {
  const module = JSON.stringify(new URL('./young-generation.ts', import.meta.url).href);
  const script = `import v8 from 'node:v8';
    import { keepYoungGenerationSmall, letYoungGenerationGrow } from ${module};
    const young = () => v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size;
    ${before};
    const kept = [];
    for (let i = 0; i < 400000; i += 1) kept.push({ i, text: 'row ' + i });
    const loaded = young();
    ${after};
    let last;
    for (let i = 0; i < 2000000; i += 1) last = { i, text: 'key ' + i };
    console.log(JSON.stringify({ loaded, interactive: young(), kept: kept.length, last: last.i }));`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  return JSON.parse(out) as { loaded: number; interactive: number };
}

describe("the dashboard's young generation (issue 16)", () => {
  it('stays at its size while the case loads, and grows again once the first frame is drawn', { timeout: 30_000 }, () => {
    const dashboard = youngGeneration({ before: 'keepYoungGenerationSmall()', after: 'letYoungGenerationGrow()' });
    const v8Default = youngGeneration({ before: '', after: '' });
    expect(dashboard.loaded).toBeLessThanOrEqual(4 * 1024 * 1024);
    expect(v8Default.loaded).toBeGreaterThan(dashboard.loaded);
    expect(dashboard.interactive).toBeGreaterThan(dashboard.loaded);
  });
});
