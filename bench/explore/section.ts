import fc from 'fast-check';
import { judgeWithDoctor } from '../../scenarios/explore/judge-with-doctor.js';
import { historyArbitrary, type History } from '../../scenarios/explore/moves.js';
import { playHistory, type PlayOptions } from '../../scenarios/explore/play-history.js';
import type { Section } from '../section.js';

// `booklab explore`'s pace: generated histories played and judged per second, in this one thread (in-process
// transport), without the shrinking that follows for each finding; with the doctor judging the broken worlds, as
// `booklab explore` does, and without it, to show what the doctor costs.

const AIM_PER_SECOND = 50;
const WARM_UP = 10;
const HISTORIES = 100;
const MAX_STEPS = 8;

/** Plays the histories one after the other; wall and CPU seconds. */
async function pace(histories: readonly History[], options: PlayOptions): Promise<{ seconds: number; cpuSeconds: number }> {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  for (const history of histories) await playHistory(history, options);
  const cpu = process.cpuUsage(cpuBefore);
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

/** The explorer's histories per second. */
export const exploreSection: Section = {
  name: 'explore',
  description: 'booklab explore: generated histories played and judged per second (one thread, in-process)',
  async run({ progress }) {
    const histories = fc.sample(historyArbitrary(MAX_STEPS), { seed: 1, numRuns: WARM_UP + HISTORIES });
    for (const history of histories.slice(0, WARM_UP)) await playHistory(history, { judgeBroken: judgeWithDoctor });
    const measured = histories.slice(WARM_UP);
    progress(`explore: playing ${HISTORIES} histories of at most ${MAX_STEPS} moves, the broken ones judged by the doctor`);
    const withDoctor = await pace(measured, { judgeBroken: judgeWithDoctor });
    progress(`explore: the same ${HISTORIES} histories judged by I1-I8 alone`);
    const invariantsOnly = await pace(measured, {});
    const rate = (n: number) => `${(HISTORIES / n).toFixed(1)}/s`;
    const row = (label: string, { seconds, cpuSeconds }: { seconds: number; cpuSeconds: number }) => [
      label,
      String(HISTORIES),
      seconds.toFixed(2),
      rate(seconds),
      cpuSeconds.toFixed(2),
      rate(cpuSeconds),
    ];
    const perSecond = HISTORIES / withDoctor.seconds;
    const value = rate(withDoctor.seconds);
    const aim = `>= ${AIM_PER_SECOND}/s`;
    return {
      tables: [
        {
          title: 'booklab explore: histories per second',
          columns: ['judged by', 'histories', 'wall s', 'per second', 'CPU s', 'per CPU second'],
          rows: [row('I1-I8, then the doctor for broken worlds (as booklab explore)', withDoctor), row('I1-I8 alone', invariantsOnly)],
        },
      ],
      aims: [
        { text: `at least ${AIM_PER_SECOND} histories per second, the doctor judging`, met: perSecond >= AIM_PER_SECOND, figure: value },
      ],
      headlines: [{ figure: 'explore, histories per second (one thread, doctor judging)', value, aim, met: perSecond >= AIM_PER_SECOND }],
      notes: [
        `Histories from seed 1, at most ${MAX_STEPS} moves after connecting, each in a fresh in-process world, settled by a last sync and judged by I1-I8; a broken one goes to the doctor, whose plans are played on copies.`,
        'Per CPU second: what one free core would do; on a shared machine the wall figure is lower.',
      ],
    };
  },
};
