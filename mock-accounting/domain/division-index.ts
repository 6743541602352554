import type { StoreIndex } from '../store/index.js';
import type { CollectionName, EntityOf, MockState } from '../store/state.js';

/** The entities of each collection grouped by division, so a list request reads only its own division. */
export class DivisionIndex implements StoreIndex {
  private readonly groups = new Map<string, Map<number, Map<string, unknown>>>();

  rebuild(state: MockState): void {
    this.groups.clear();
    for (const [collection, entities] of Object.entries(state)) {
      if (typeof entities !== 'object') continue;
      for (const [key, entity] of Object.entries(entities as Record<string, unknown>)) this.change(collection, key, undefined, entity);
    }
  }

  change(collection: string, key: string, previous: unknown, next: unknown): void {
    const oldDivision = divisionOf(previous);
    const newDivision = divisionOf(next);
    if (oldDivision !== undefined) this.group(collection, oldDivision).delete(key);
    if (newDivision !== undefined) this.group(collection, newDivision).set(key, next);
  }

  /** The first entity of one collection in one division that passes `test`, found without copying the group. */
  find<C extends CollectionName>(collection: C, division: number, test: (entity: EntityOf<C>) => boolean): EntityOf<C> | undefined {
    for (const entity of this.groups.get(collection)?.get(division)?.values() ?? [])
      if (test(entity as EntityOf<C>)) return entity as EntityOf<C>;
    return undefined;
  }

  /** The entities of one collection in one division. */
  of<C extends CollectionName>(collection: C, division: number): Array<EntityOf<C>> {
    return [...(this.groups.get(collection)?.get(division)?.values() ?? [])] as Array<EntityOf<C>>;
  }

  private group(collection: string, division: number): Map<string, unknown> {
    let byDivision = this.groups.get(collection);
    if (!byDivision) this.groups.set(collection, (byDivision = new Map()));
    let group = byDivision.get(division);
    if (!group) byDivision.set(division, (group = new Map()));
    return group;
  }
}

function divisionOf(entity: unknown): number | undefined {
  const division = (entity as { division?: unknown } | undefined)?.division;
  return typeof division === 'number' ? division : undefined;
}
