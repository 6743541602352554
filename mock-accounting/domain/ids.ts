import { guidFor } from '../../primitives/index.js';
import type { Transaction } from '../store/index.js';

/** Takes the next GUID of the state inside a write. */
export function nextGuid(tx: Transaction): string {
  return guidFor(tx.next('ids'));
}
