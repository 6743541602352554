import { mergeFigures, type Section } from '../section.js';
import { tempDir } from '../temp-dir.js';
import { measureBookingScaling } from './scaling.js';
import { compareWithJsonServer } from './throughput.js';

/** The mock accounting server on file storage: throughput beside json-server 0.17, and how a booking's cost grows with the data. */
export const mockServerSection: Section = {
  name: 'mock-server',
  description: 'mock accounting server on file storage, beside json-server 0.17',
  async run(ctx) {
    const dir = await tempDir(ctx.cleanup);
    return mergeFigures(await compareWithJsonServer(ctx, dir), await measureBookingScaling(ctx, dir));
  },
};
