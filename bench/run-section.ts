import { Cleanup } from './cleanup.js';
import { renderFigures } from './report.js';
import type { Section } from './section.js';

/**
 * Runs one section and prints its figures; its cleanup runs afterwards, also when it throws or on Ctrl-C.
 * Returns false when the section could not produce figures.
 */
export async function runSection(section: Section): Promise<boolean> {
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
  console.log(`== ${section.name}: ${section.description}\n`);
  const started = performance.now();
  try {
    const figures = await section.run({ cleanup, progress: (message) => console.error(`  [${section.name}] ${message}`) });
    console.log(renderFigures(figures));
    return true;
  } catch (error) {
    console.log(`[bench] ${section.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return false;
  } finally {
    await cleanup.run();
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
    console.log(`\n(${section.name} took ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  }
}
