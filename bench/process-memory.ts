import { readdirSync, readFileSync } from 'node:fs';

/** The parent pid of a process from /proc, or undefined when it is gone. */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/** A process's peak resident memory (VmHWM) in bytes, or undefined when /proc does not say. */
function peakRssOf(pid: number): number | undefined {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The highest peak resident memory among a process and its descendants, in bytes: the dashboard runs a few
 * shells deep in its tmux pane, and its own node process is the one that matters. Undefined off Linux.
 */
export function peakRssOfTree(root: number): number | undefined {
  let pids: number[];
  try {
    pids = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map(Number);
  } catch {
    return undefined;
  }
  const inTree = (pid: number): boolean => {
    for (let at: number | undefined = pid, hops = 0; at !== undefined && at > 1 && hops < 64; at = parentOf(at), hops += 1) {
      if (at === root) return true;
    }
    return false;
  };
  const peaks = pids
    .filter(inTree)
    .map(peakRssOf)
    .filter((bytes): bytes is number => bytes !== undefined);
  return peaks.length > 0 ? Math.max(...peaks) : undefined;
}
