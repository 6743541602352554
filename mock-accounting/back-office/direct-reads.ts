import type { RequestListener } from 'node:http';
import type { Overview } from './views.js';

const readers = new WeakMap<RequestListener, (division: number) => Overview | undefined>();

/** Registers how an app's own process reads an administration's overview without a request (see {@link readOverview}). */
export function registerOverviewReader(app: RequestListener, read: (division: number) => Overview | undefined): void {
  readers.set(app, read);
}

/**
 * An administration's overview read in the app's own process: the objects GET /__mock/divisions/:division/overview
 * answers, each made fresh (none shared with the store), without turning 10,000 bookings into JSON and back.
 * Undefined for a division the app does not have.
 */
export function readOverview(app: RequestListener, division: number): Overview | undefined {
  const read = readers.get(app);
  if (!read) throw new Error('[booklab] This app was not made by createApp: it has no overview to read.');
  return read(division);
}
