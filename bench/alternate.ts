import { mergeResults, runLoad, type LoadLength, type LoadRequest, type LoadResult } from './load.js';

/** A server and the request to load it with. */
export interface LoadTarget {
  /** Name for error messages, e.g. `json-server`. */
  name: string;
  url: string;
  request: LoadRequest;
  /** The server's CPU time so far (ms), when it can be read: gives CPU per request, which background load hardly changes. */
  cpuMs?: () => number | undefined;
}

/** A target's merged rounds. */
export interface AlternateResult extends LoadResult {
  /** Server CPU time per measured request (ms); undefined when the target's CPU time cannot be read. */
  serverCpuMsPerRequest?: number;
}

/** Options for {@link loadAlternately}. */
export interface AlternateOptions {
  concurrency: number;
  rounds: number;
  /** Before each target's first round only. */
  warmup: LoadLength;
  perRound: LoadLength;
}

/**
 * Loads the targets in turn, round after round, and merges each target's rounds. Alternating means a
 * change in the machine's background load (or a slow patch of the disk) falls on every target alike
 * instead of on whichever ran during it. A round with a failed request throws: its figures would flatter the server.
 */
export async function loadAlternately(
  targets: readonly LoadTarget[],
  { concurrency, rounds, warmup, perRound }: AlternateOptions,
): Promise<AlternateResult[]> {
  const measured = targets.map((): LoadResult[] => []);
  const cpu = targets.map((): number[] => []);
  for (let round = 0; round < rounds; round += 1) {
    for (const [i, { name, url, request, cpuMs }] of targets.entries()) {
      if (round === 0) await runLoad({ url, request, concurrency, length: warmup });
      const cpuBefore = cpuMs?.();
      const result = await runLoad({ url, request, concurrency, length: perRound });
      const cpuAfter = cpuMs?.();
      if (result.errors > 0)
        throw new Error(`[bench] ${name}: ${result.errors} of ${result.requests} requests failed; first: ${result.firstError}`);
      measured[i]!.push(result);
      if (cpuBefore !== undefined && cpuAfter !== undefined) cpu[i]!.push(cpuAfter - cpuBefore);
    }
  }
  return measured.map((results, i) => {
    const merged = mergeResults(results);
    const cpuTotal = cpu[i]!.length === results.length ? cpu[i]!.reduce((sum, ms) => sum + ms, 0) : undefined;
    return { ...merged, serverCpuMsPerRequest: cpuTotal === undefined ? undefined : cpuTotal / merged.requests };
  });
}
