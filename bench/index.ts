// `npm run bench [-- <section>...]`: runs the benchmark sections and prints their figures.
// Benchmarks print figures and whether aims were met; they never fail on speed.
import { arch, availableParallelism, platform } from 'node:os';
import { runSection } from './run-section.js';
import { SECTIONS } from './sections.js';

function usage(): string {
  return ['usage: npm run bench [-- <section>...]', 'sections:', ...SECTIONS.map((s) => `  ${s.name.padEnd(16)} ${s.description}`)].join('\n');
}

async function main(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(usage());
    return 0;
  }
  const unknown = args.filter((name) => !SECTIONS.some((section) => section.name === name));
  if (unknown.length) {
    console.error(`Unknown section: ${unknown.join(', ')}.\n${usage()}`);
    return 2;
  }
  const chosen = args.length ? SECTIONS.filter((section) => args.includes(section.name)) : SECTIONS;
  console.log(`booklab bench: node ${process.version}, ${platform()} ${arch()}, ${availableParallelism()} CPUs\n`);
  let failed = 0;
  for (const section of chosen) if (!(await runSection(section))) failed += 1;
  return failed ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
