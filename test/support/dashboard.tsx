export { temporaryDirectory } from './temporary-directory.js';
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
