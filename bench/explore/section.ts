import fc from 'fast-check';
import { historyArbitrary } from '../../scenarios/explore/moves.js';
import { playHistory } from '../../scenarios/explore/play-history.js';
import type { Section } from '../section.js';

// `booklab explore`'s pace: generated histories played and judged per second, in this one thread (in-process
// transport), without the shrinking that follows for each finding.

const AIM_PER_SECOND = 50;
const WARM_UP = 10;
const HISTORIES = 100;
const MAX_STEPS = 8;

/** The explorer's histories per second. */
export const exploreSection: Section = {
  name: 'explore',
  description: 'booklab explore: generated histories played and judged by I1-I8 per second (one thread, in-process)',
  async run({ progress }) {
    const histories = fc.sample(historyArbitrary(MAX_STEPS), { seed: 1, numRuns: WARM_UP + HISTORIES });
    for (const history of histories.slice(0, WARM_UP)) await playHistory(history);
    progress(`explore: playing ${HISTORIES} histories of at most ${MAX_STEPS} moves`);
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    for (const history of histories.slice(WARM_UP)) await playHistory(history);
    const cpu = process.cpuUsage(cpuBefore);
    const seconds = (performance.now() - started) / 1000;
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const perSecond = HISTORIES / seconds;
    const value = `${perSecond.toFixed(1)}/s`;
    const perCpuSecond = `${(HISTORIES / cpuSeconds).toFixed(1)}/s`;
    const aim = `>= ${AIM_PER_SECOND}/s`;
    return {
      tables: [{ title: 'booklab explore: histories per second', columns: ['histories', 'wall s', 'per second', 'CPU s', 'per CPU second'], rows: [[String(HISTORIES), seconds.toFixed(2), value, cpuSeconds.toFixed(2), perCpuSecond]] }],
      aims: [{ text: `at least ${AIM_PER_SECOND} histories per second`, met: perSecond >= AIM_PER_SECOND, figure: value }],
      headlines: [{ figure: 'explore, histories per second (one thread)', value, aim, met: perSecond >= AIM_PER_SECOND }],
      notes: [`Histories from seed 1, at most ${MAX_STEPS} moves after connecting, each in a fresh in-process world, settled by a last sync and judged by I1-I8.`, 'Per CPU second: what one free core would do; on a shared machine the wall figure is lower.'],
    };
  },
};
