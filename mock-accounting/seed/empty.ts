import type { Clock } from '../../primitives/index.js';
import type { MockState } from '../store/index.js';
import { seedBuilder } from './builder.js';
import { addMasterData } from './master-data.js';

/** The empty seed: an administration's master data (app, user, divisions, journals, G/L, VAT, periods), no relations and no bookings. */
export function emptySeed(clock: Clock): MockState {
  const b = seedBuilder(clock);
  addMasterData(b);
  return b.done();
}
