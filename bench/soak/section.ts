import { mergeFigures, type Section } from '../section.js';
import { tempDir } from '../temp-dir.js';
import { crashCycles } from './crash-cycles.js';
import { malformedRequests } from './malformed.js';

/** SIGKILL cycles under concurrent bookings; `BOOKLAB_SOAK_CYCLES` changes how many (100 by default). */
const CYCLES = Number(process.env.BOOKLAB_SOAK_CYCLES ?? 100);
/** Runs of the malformed-request property; `BOOKLAB_SOAK_RUNS` changes how many (10,000 by default). */
const RUNS = Number(process.env.BOOKLAB_SOAK_RUNS ?? 10_000);

/** Reliability under abuse: crashes mid-write, and malformed requests, at sizes too long for `npm test`. */
export const soakSection: Section = {
  name: 'soak',
  description: `${CYCLES} SIGKILL cycles under concurrent bookings, and ${RUNS.toLocaleString('en-US')} malformed requests`,
  async run(ctx) {
    const dir = await tempDir(ctx.cleanup, 'booklab-soak-');
    return mergeFigures(await crashCycles(ctx, dir, CYCLES), await malformedRequests(ctx, dir, RUNS));
  },
};
