import { evaluateInvariants, type Violation } from '../invariants/index.js';
import type { World } from './world.js';

/** Checks a world against I1–I8 (reading the accounting side over HTTP); empty means consistent. */
export async function checkInvariants(world: World): Promise<Violation[]> {
  return evaluateInvariants(await world.view());
}
