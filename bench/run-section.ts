import { availableParallelism, loadavg } from 'node:os';
import { Cleanup } from './cleanup.js';
import { renderFigures } from './report.js';
import type { Headline, Section } from './section.js';

/** The machine's load average (1, 5 and 15 minutes) beside its CPUs: figures from a busy machine read slower. */
export function loadLine(): string {
  return `load average ${loadavg()
    .map((load) => load.toFixed(2))
    .join(' / ')} (1 / 5 / 15 min) on ${availableParallelism()} CPUs`;
}

/**
 * Runs one section and prints its figures; its cleanup runs afterwards, also when it throws or on Ctrl-C.
 * Returns its headlines, or undefined when the section could not produce figures.
 */
export async function runSection(section: Section): Promise<Headline[] | undefined> {
  const cleanup = new Cleanup();
  let interrupted = false;
  // Ctrl-C reaches this process twice (from the terminal and relayed by tsx); the second must not kill it mid-cleanup.
  const interrupt = async (signal: NodeJS.Signals) => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n[bench] ${signal}: cleaning up ${section.name}`);
    await cleanup.run();
    process.exit(130);
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);
  console.log(`== ${section.name}: ${section.description}\n(${loadLine()} at the start)\n`);
  const started = performance.now();
  try {
    const figures = await section.run({ cleanup, progress: (message) => console.error(`  [${section.name}] ${message}`) });
    console.log(renderFigures(figures));
    return figures.headlines ?? [];
  } catch (error) {
    console.log(`[bench] ${section.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return undefined;
  } finally {
    await cleanup.run();
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
    console.log(`\n(${section.name} took ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  }
}
