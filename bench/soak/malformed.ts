import { join } from 'node:path';
import { startMockServer } from '../../mock-accounting/index.js';
import { checkMalformedRequests, prepareMalformedTarget } from '../../test/support/malformed-requests.js';
import { testClock } from '../../test/support/mock.js';
import { formatCount } from '../format.js';
import type { Figures, SectionContext } from '../section.js';

/**
 * The malformed-request property of test/mock-malformed.test.ts at a soak's size: generated malformed requests
 * against one file-backed server, each to be refused with a 4xx that changes nothing.
 */
export async function malformedRequests({ cleanup, progress }: SectionContext, dir: string, runs: number): Promise<Figures> {
  const mock = await startMockServer({ clock: testClock(), file: join(dir, 'malformed.json') });
  cleanup.defer(() => mock.close());
  const target = await prepareMalformedTarget(mock);
  const seed = Date.now();
  progress(`${formatCount(runs)} malformed requests (fast-check seed ${seed})`);
  const started = performance.now();
  let ran = 0;
  let failure: string | undefined;
  try {
    ran = await checkMalformedRequests(target, { numRuns: runs, seed });
  } catch (error) {
    failure = (error as Error).message.split('\n').slice(0, 6).join(' ');
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    tables: [
      {
        title: `Malformed requests: the property of test/mock-malformed.test.ts at ${formatCount(runs)} runs, one file-backed server`,
        columns: ['figure', 'value'],
        rows: [
          ['requests generated and sent', failure ? 'stopped at the first failure' : formatCount(ran)],
          ['answered other than a 4xx in the error shape, or changing something', failure ? '1 (see the note)' : '0'],
          ['time', `${seconds.toFixed(1)} s`],
          ['fast-check seed', String(seed)],
        ],
      },
    ],
    aims: [
      {
        text: `${formatCount(runs)} malformed requests refused, nothing changed`,
        met: failure === undefined,
        figure: failure ? 'failed' : formatCount(ran),
      },
    ],
    notes: failure ? [`first failure (shrunk): ${failure}`] : [],
  };
}
