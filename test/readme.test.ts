import { access, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { BACK_OFFICE_ROUTES } from '../mock-accounting/index.js';
import { KEYMAP } from '../tui/keymap.js';

// The README documents every back-office route and every key; this keeps its tables from drifting.
describe('README', () => {
  it('names the set-up commands and every back-office route', async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
    // The table is written from the OpenAPI document, which writes `:division` as `{division}`.
    for (const route of BACK_OFFICE_ROUTES) {
      const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
      expect(readme, `${route.method} ${route.path}`).toContain(`| ${route.method} | \`${path}\``);
    }
  });

  it('lists every key of the keymap, as the help screen does', async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    for (const binding of KEYMAP) {
      expect(readme, binding.command).toContain(
        `| ${binding.keys.map((k) => `\`${k}\``).join(' ')} | ${binding.description} | ${binding.context} |`,
      );
    }
  });

  it("shows the HTML report's screenshot, and a CI workflow that runs shards and merges their reports", async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toContain('](docs/report-screenshot.png)');
    await access(new URL('../docs/report-screenshot.png', import.meta.url));
    const workflow = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    expect(workflow).toContain('shard: [1, 2, 3]');
    expect(workflow).toContain('npx booklab scenarios run --shard ${{ matrix.shard }}/3 --reporter json');
    expect(workflow).toContain('npx booklab scenarios merge reports/*.json --reporter html --output report.html');
  });
});
