import { EventEmitter } from 'node:events';
import { render } from 'ink';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from './app.js';
import { DashboardController } from './dashboard-controller.js';
import { createDemoWorld } from './demo-world.js';

/** A terminal that can be resized, as Ink's own resize test fakes one. */
class FakeTerminal extends EventEmitter {
  columns = 100;
  rows = 30;
  isTTY = true;
  frames: string[] = [];
  write = (frame: string) => {
    this.frames.push(frame);
    return true;
  };
}

/** A keyboard that never types (Ink needs raw mode to mount its input handler). */
class FakeKeyboard extends EventEmitter {
  isTTY = true;
  setRawMode() {}
  setEncoding() {}
  ref() {}
  unref() {}
  resume() {}
  pause() {}
  read() {
    return null;
  }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 50));
const strip = (text: string) => text.replace(new RegExp(String.raw`\u001b\[[0-9;?]*[A-Za-z]`, 'g'), '');

describe('resizing the terminal', () => {
  let controller: DashboardController | undefined;
  afterEach(() => controller?.close());

  /** Waits (up to 5 s: a loaded machine draws late) until `ready` holds; the expectations after it say what failed. */
  async function until(ready: () => boolean): Promise<void> {
    for (let waited = 0; waited < 5000 && !ready(); waited += 50) await tick();
  }

  it('re-lays out without a restart: side by side at 100×30, one pane at 80×24, too small below', async () => {
    controller = await DashboardController.create({ world: await createDemoWorld() });
    const terminal = new FakeTerminal();
    const instance = render(<App controller={controller} onQuit={() => {}} />, {
      stdout: terminal as unknown as NodeJS.WriteStream,
      stdin: new FakeKeyboard() as unknown as NodeJS.ReadStream,
      debug: true,
      exitOnCtrlC: false,
      patchConsole: false,
    });
    await tick();
    const last = () => strip(terminal.frames.at(-1) ?? '');
    expect(last()).toContain('2 Exact · Journals');
    expect(last()).toContain('1 Focus · Invoices');

    Object.assign(terminal, { columns: 80, rows: 24 });
    terminal.emit('resize');
    await until(() => last().includes('[Focus|Exact]'));
    expect(last()).toContain('[Focus|Exact]');
    expect(last()).not.toContain('2 Exact · Journals');

    Object.assign(terminal, { columns: 60, rows: 20 });
    terminal.emit('resize');
    await until(() => last().includes('Terminal too small'));
    expect(last()).toContain('Terminal too small: 60×20 — needs 80×24');
    instance.unmount();
  });
});
