import { createHash } from 'node:crypto';
import type { Problem, Result } from '../../primitives/index.js';
import { applyOp, type Op } from './op.js';
import type { MockState } from './state.js';
import { COLLECTIONS, parseState } from './state-documents.js';

// The transaction log beside a snapshot, one JSON line each:
//   {"snapshot":"<sha256>"}  first line: the snapshot (by the hash of its text) the log continues;
//   [op, …]                  one commit: the changes of every transaction committed together;
//   {"next":"<sha256>"}      written just before a new snapshot replaces the old one: all above it is in that one.
// A line ends with a newline once it is whole, and a write is answered only after that; so what follows the
// last newline is a write that was never answered (a crash mid-write), dropped on load and reported.

/** The hash that names a snapshot: of its text exactly as written. */
export function snapshotHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The first line of a log. */
export const headerLine = (hash: string): string => `${JSON.stringify({ snapshot: hash })}\n`;

/** The line written before the snapshot with this hash replaces the current one. */
export const markerLine = (hash: string): string => `${JSON.stringify({ next: hash })}\n`;

/** One commit's line: the last op of each key only, so a transaction that bumps a counter five times logs it once. */
export const commitLine = (ops: readonly Op[]): string => `${JSON.stringify(lastPerKey(ops))}\n`;

function lastPerKey(ops: readonly Op[]): Op[] {
  const last = new Map<string, Op>();
  for (const op of ops) {
    const key = `${op.c}\u0000${op.k}`;
    last.delete(key);
    last.set(key, op);
  }
  return [...last.values()];
}

/** The snapshot a log is replayed onto. */
export interface LoadedSnapshot {
  hash: string;
  /** Its state; called again for a fresh copy when the log says to start over from it. */
  state: () => MockState;
}

/** What replaying a log gave: the state, where its whole lines end, and what was dropped (said in sentences). */
export type Replayed = Result<{ state: MockState; wholeBytes: number; replayed: number; dropped: string[] }, Problem<'unreadable_log'>>;

/**
 * Applies a log to the snapshot it continues. The log must name that snapshot in its header, or carry the marker
 * written just before that snapshot replaced the one it names (a stop between the two steps of a compaction or a
 * restore): then only what follows the marker is applied. A log that continues another snapshot, or that is not a
 * booklab log at all, is refused rather than dropped; so is damage anywhere but in the unanswered last write.
 */
export function replayLog(bytes: Buffer, snapshot: LoadedSnapshot): Replayed {
  const wholeBytes = bytes.lastIndexOf(0x0a) + 1;
  const tornBytes = bytes.length - wholeBytes;
  const dropped = tornBytes > 0 ? [`dropped the unfinished last write of the log (${tornBytes} bytes, never answered)`] : [];
  const lines = bytes.toString('utf8', 0, wholeBytes).split('\n').slice(0, -1);
  if (lines.length === 0) return replayedTo(snapshot.state(), wholeBytes, 0, dropped);

  const header = parseLine(lines[0]!);
  if (!isHeader(header)) return unreadable('its first line names no snapshot, so booklab did not write it');
  let state = header.snapshot === snapshot.hash ? snapshot.state() : undefined;
  let replayed = 0;
  for (const [i, line] of lines.entries()) {
    if (i === 0) continue;
    const parsed = parseLine(line);
    if (isMarker(parsed)) {
      if (parsed.next === snapshot.hash) {
        state = snapshot.state();
        replayed = 0;
      }
      continue;
    }
    if (!isOpList(parsed)) return unreadable(`line ${i + 1} is not a transaction`);
    if (state === undefined) continue;
    for (const op of parsed) applyOp(state, op);
    replayed += 1;
  }
  if (state === undefined) {
    return unreadable(
      `it continues another snapshot than the one beside it (${header.snapshot.slice(0, 12)}…), so its changes would be lost; put back the snapshot it belongs to, or move the log aside`,
    );
  }
  // The snapshot's state was checked on load; only what was applied on top of it needs checking again.
  if (replayed === 0) return replayedTo(state, wholeBytes, replayed, dropped);
  const checked = parseState(state);
  if (!checked.ok) return unreadable(`replaying it gives no booklab state (${checked.problem.message})`);
  return replayedTo(checked.value, wholeBytes, replayed, dropped);
}

const replayedTo = (state: MockState, wholeBytes: number, replayed: number, dropped: string[]): Replayed => ({
  ok: true,
  value: { state, wholeBytes, replayed, dropped },
});

const unreadable = (message: string): Replayed => ({ ok: false, problem: { code: 'unreadable_log', message } });

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

function isHeader(value: unknown): value is { snapshot: string } {
  return typeof value === 'object' && value !== null && typeof (value as { snapshot?: unknown }).snapshot === 'string';
}

function isMarker(value: unknown): value is { next: string } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { next?: unknown }).next === 'string';
}

function isOpList(value: unknown): value is Op[] {
  return (
    Array.isArray(value) &&
    value.every(
      (op: Partial<Op> | null) =>
        typeof op?.k === 'string' && op.k !== '__proto__' && (COLLECTIONS as unknown[]).includes(op.c) && op.v !== undefined,
    )
  );
}
