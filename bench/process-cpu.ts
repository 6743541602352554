import { readFileSync } from 'node:fs';

// utime and stime in /proc/<pid>/stat count in USER_HZ ticks, which Linux fixes at 100 per second for user space.
const MS_PER_TICK = 10;

/** CPU time (user + system, ms) a process has used so far; undefined where /proc is not available (not Linux) or the process is gone. */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may itself hold spaces; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
  } catch {
    return undefined;
  }
}
