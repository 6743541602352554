import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { screenText, TMUX_PANE, TMUX_SESSION } from '../../test/support/tmux.js';
/** How long one command may wait for its answer. */
const COMMAND_TIMEOUT_MS = 5_000;

/**
 * One tmux client in control mode (`tmux -C attach`) on a session's private server: a command is a line written to
 * its stdin and its answer a `%begin … %end` block on its stdout. A key or a capture then costs no process start,
 * where each `tmux send-keys` and `tmux capture-pane` started a tmux client (a process, on a 2-core machine CPU taken
 * from the dashboard measured); the figures taken through it are closer to what a person sees.
 */
export class TmuxControl {
  private lines = '';
  private block: string[] | undefined;
  private readonly waiting: Array<{ resolve(text: string): void; reject(error: Error): void }> = [];
  private readonly outputListeners = new Set<() => void>();
  /** Settled once the attach itself is answered: a command sent before it finds no client to act for. */
  private attached!: () => void;
  private readonly ready = new Promise<void>((resolve) => (this.attached = resolve));

  private constructor(private readonly child: ReturnType<typeof spawn>) {
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => this.read(chunk));
    child.on('exit', () => {
      for (const pending of this.waiting.splice(0)) pending.reject(new Error('the tmux control client ended'));
    });
  }

  /**
   * Attaches to the session of the server on `socket` (`-L`). The pane's output is not streamed back unless `output`
   * is asked for: it comes as %output lines, bytes to read, of which {@link onOutput} tells.
   */
  static async attach(socket: string, { output = false } = {}): Promise<TmuxControl> {
    const flags = output ? [] : ['-f', 'no-output'];
    const child = spawn('tmux', ['-L', socket, '-C', 'attach-session', ...flags, '-t', TMUX_SESSION], {
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    const control = new TmuxControl(child);
    const ended = once(child, 'exit').then(() => {
      throw new Error('tmux control: the client ended before it attached');
    });
    await Promise.race([control.ready, ended]);
    return control;
  }

  /** Runs one tmux command; resolves with its output. */
  command(line: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`tmux control: no answer to ${line}`)), COMMAND_TIMEOUT_MS);
      this.waiting.push({
        resolve: (text) => {
          clearTimeout(timer);
          resolve(text);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.child.stdin!.write(`${line}\n`);
    });
  }

  /** Sends one character as typed, as TmuxSession.sendKey does. */
  async sendKey(key: string): Promise<void> {
    await this.command(`send-keys -t ${TMUX_PANE} -l ${key}`);
  }

  /** The visible screen, as TmuxSession.capture gives it. */
  async capture(): Promise<string> {
    return screenText(await this.command(`capture-pane -p -t ${TMUX_PANE}`));
  }

  /** Calls `listener` each time the pane wrote (a client attached with `output`); returns the unsubscribe function. */
  onOutput(listener: () => void): () => void {
    this.outputListeners.add(listener);
    return () => this.outputListeners.delete(listener);
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    this.child.stdin!.end();
    await once(this.child, 'exit');
  }

  /** Answers come in blocks; the first, of the attach itself (flags 0), and notifications outside blocks are not ours. */
  private read(chunk: string): void {
    this.lines += chunk;
    let end = this.lines.indexOf('\n');
    while (end >= 0) {
      const line = this.lines.slice(0, end);
      this.lines = this.lines.slice(end + 1);
      end = this.lines.indexOf('\n');
      if (this.block === undefined) {
        if (line.startsWith('%output ')) for (const listener of this.outputListeners) listener();
        else if (/^%begin \d+ \d+ 1$/.test(line)) this.block = [];
        else if (/^%(end|error) \d+ \d+ 0$/.test(line)) this.attached();
        continue;
      }
      const closing = /^%(end|error) \d+ \d+ 1$/.exec(line);
      if (!closing) {
        this.block.push(line);
        continue;
      }
      const pending = this.waiting.shift();
      const text = this.block.join('\n');
      this.block = undefined;
      if (closing[1] === 'end') pending?.resolve(text);
      else pending?.reject(new Error(`tmux control: ${text}`));
    }
  }
}
