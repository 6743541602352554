import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { onTestFinished } from 'vitest';
import type { World } from '../../core/index.js';
import { App, type AppProps } from '../../tui/app.js';
import { DashboardController } from '../../tui/dashboard-controller.js';
import { createDemoWorld } from '../../tui/demo-world.js';

/** Renders the dashboard on `world` (a fresh demo world by default); it is unmounted and its world closed when the test ends. */
export async function renderDashboard({ world, ...props }: Omit<AppProps, 'controller'> & { world?: World } = {}) {
  const controller = await DashboardController.create({ world: world ?? (await createDemoWorld()) });
  const app = render(<App controller={controller} {...props} />);
  onTestFinished(async () => {
    app.unmount();
    await controller.close();
  });
  return { app, controller };
}

/** A new empty directory under the system's temporary one, removed with its files when the test ends. */
export async function temporaryDirectory(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}
