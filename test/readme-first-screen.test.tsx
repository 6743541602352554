import { readFile, writeFile } from 'node:fs/promises';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { App } from '../tui/app.js';
import { openDashboard } from '../tui/run-tui.js';
import { frameOf, waitForFrame } from './support/ink.js';

// The README opens with the dashboard's first screen. It is the real first frame, rendered here as `booklab` opens
// it (the demo world, its frozen clock) at 100×30, so the README can never show a screen booklab no longer draws.
// `npm run readme:first-screen` (UPDATE_README=1) writes the frame into the README after a deliberate change.

const README = new URL('../README.md', import.meta.url);
const MARKER = '<!-- first-screen: the dashboard at 100×30, written by test/readme-first-screen.test.tsx (npm run readme:first-screen) -->';
const BLOCK = new RegExp(`${MARKER.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\n\`\`\`\n([\\s\\S]*?)\n\`\`\`\n`);

/** The frame as the README holds it: no trailing spaces, which editors and Markdown drop anyway. */
const asReadmeText = (frame: string) =>
  frame
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n');

async function firstFrame(): Promise<string> {
  const controller = await openDashboard();
  const app = render(<App controller={controller} size={{ columns: 100, rows: 30 }} onQuit={() => {}} />);
  try {
    await waitForFrame(app, (f) => f.includes('I8 ✓') && f.includes('q/ctrl+c quit'), { what: 'the first full frame' });
    return asReadmeText(frameOf(app));
  } finally {
    app.unmount();
    await controller.close();
  }
}

describe("the README's first screen", () => {
  it('is the dashboard as `booklab` first draws it at 100×30', async () => {
    const readme = await readFile(README, 'utf8');
    const block = BLOCK.exec(readme);
    expect(block, `a fenced block right after the line ${MARKER}`).not.toBeNull();
    const frame = await firstFrame();
    if (process.env.UPDATE_README === '1') {
      await writeFile(
        README,
        readme.replace(BLOCK, () => `${MARKER}\n\`\`\`\n${frame}\n\`\`\`\n`),
      );
      return;
    }
    expect(block![1], 'The README shows another first screen: run `npm run readme:first-screen` if the change is meant.').toBe(frame);
  });
});
