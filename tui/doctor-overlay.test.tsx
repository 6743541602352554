import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS, press, waitForFrame } from '../test/support/ink.js';
import { App } from './app.js';
import { DashboardController } from './dashboard-controller.js';
import { createDemoWorld } from './demo-world.js';

let app: ReturnType<typeof render> | undefined;
let controller: DashboardController | undefined;

afterEach(async () => {
  app?.unmount();
  await controller?.close();
});

describe('d: booklab doctor in the dashboard', () => {
  it('shows the findings and the plan for the world shown, and enter plays the plan as a walkthrough', async () => {
    controller = await DashboardController.create({ world: await createDemoWorld() });
    app = render(<App controller={controller} size={{ columns: 120, rows: 40 }} onQuit={() => {}} />);
    await waitForFrame(app, (f) => f.length > 0, { what: 'a first frame' });
    await press(app, 'd');
    const frame = await waitForFrame(app, (f) => f.includes('WHAT IS WRONG'), { what: "the doctor's findings", timeoutMs: 15_000 });
    expect(frame).toContain('booklab doctor');
    await press(app, KEYS.enter);
    await waitForFrame(app, (f) => f.includes("The articles' plan for") || f.includes("booklab's completed plan for"), {
      what: 'the plan as a walkthrough',
      timeoutMs: 15_000,
    });
  }, 40_000);
});
