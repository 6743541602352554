// Preloaded into the dashboard by the tui bench (`node --import`): records, inside the process, when input arrived
// and when output was written (with the CPU time used so far), and writes them as JSON to the file named by
// BOOKLAB_FRAME_TIMING when the process exits. The bench's on-screen figures include tmux's round trips; these
// are the program's own share. Nothing here changes what the program does or writes.
import { writeFileSync } from 'node:fs';

const file = process.env.BOOKLAB_FRAME_TIMING;
if (file) {
  /** [kind, ms since the process started, bytes written, CPU ms used so far] */
  const events = [];
  const cpuMs = () => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  };
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk, ...rest) => {
    events.push(['write', performance.now(), chunk.length, cpuMs()]);
    return write(chunk, ...rest);
  };
  const emit = process.stdin.emit.bind(process.stdin);
  process.stdin.emit = (name, ...rest) => {
    if (name === 'readable' || name === 'data') events.push(['input', performance.now(), 0, cpuMs()]);
    return emit(name, ...rest);
  };
  process.on('exit', () => writeFileSync(file, JSON.stringify(events)));
}
