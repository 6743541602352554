// `npm run bench [-- <section>...]`: runs the benchmark sections and prints their figures.
// Benchmarks print figures and whether aims were met; they never fail on speed.
import { arch, availableParallelism, platform } from 'node:os';
import { renderTable } from './report.js';
import { referenceWorkLine } from './reference-work.js';
import { loadLine, runSection } from './run-section.js';
import type { Headline } from './section.js';
import { SECTIONS } from './sections.js';

function usage(): string {
  return ['usage: npm run bench [-- <section>...]', 'sections:', ...SECTIONS.map((s) => `  ${s.name.padEnd(16)} ${s.description}`)].join(
    '\n',
  );
}

/** The figures of issue 16's table from this run, each beside its aim. */
function summary(headlines: Headline[]): string {
  const table = renderTable({
    title: 'Summary: the figures of issue 16, this run',
    columns: ['figure', 'value', 'aim', ''],
    rows: headlines.map((h) => [h.figure, h.value, h.aim, h.met ? 'met' : 'missed']),
  });
  return `${table}\n(${loadLine()} at the end; ${referenceWorkLine()}; compare ratios within one run, a busy machine slows every figure)\n`;
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
  console.log(`booklab bench: node ${process.version}, ${platform()} ${arch()}, ${availableParallelism()} CPUs`);
  console.log(`${referenceWorkLine()}\n`);
  let failed = 0;
  const headlines: Headline[] = [];
  for (const section of chosen) {
    const gathered = await runSection(section);
    if (gathered) headlines.push(...gathered);
    else failed += 1;
  }
  if (headlines.length) console.log(summary(headlines));
  return failed ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
