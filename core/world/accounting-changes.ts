import type { Store } from '../../mock-accounting/index.js';

/** The name the counter is registered under in an embedded server's store. */
const NAME = 'world: changes';

/** Counts every change the store makes (a rolled-back one too, and a whole new state), so that equal counts mean no change between them. */
class ChangeCount {
  count = 0;

  rebuild(): void {
    this.count += 1;
  }

  change(): void {
    this.count += 1;
  }
}

/** How many changes the store has made since this was first asked of it: equal answers mean an unchanged state. */
export function changesOf(store: Store): number {
  return store.index(NAME, () => new ChangeCount()).count;
}
