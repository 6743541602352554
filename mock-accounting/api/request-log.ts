import type { Request, RequestHandler, Response } from 'express';
import type { Clock } from '../../primitives/index.js';

/** One answered (or cut) request. */
export interface RequestLogEntry {
  at: string;
  method: string;
  path: string;
  status: number | 'dropped';
  durationMs: number;
  /** What the server noted about the answer (the error budget's count, a block). */
  note?: string;
}

/** An entry as kept: its time as epoch ms, written as ISO text only when the log is read (most entries never are). */
type Kept = Omit<RequestLogEntry, 'at'> & { atMs: number };

/** A bounded log of the latest requests, oldest dropped first. */
export class RequestLog {
  /** A ring: once full, the next entry overwrites the oldest, at `start`. */
  private readonly entries: Kept[] = [];
  private start = 0;

  constructor(private readonly capacity: number) {}

  add(entry: Kept): void {
    if (this.capacity < 1) return;
    if (this.entries.length < this.capacity) {
      this.entries.push(entry);
      return;
    }
    this.entries[this.start] = entry;
    this.start = (this.start + 1) % this.capacity;
  }

  /** The latest `limit` entries, oldest first. */
  latest(limit = this.capacity): RequestLogEntry[] {
    const inOrder = [...this.entries.slice(this.start), ...this.entries.slice(0, this.start)];
    return inOrder.slice(-limit).map(({ atMs, method, path, status, durationMs, note }) => ({
      at: new Date(atMs).toISOString(),
      method,
      path,
      status,
      durationMs,
      ...(note === undefined ? {} : { note }),
    }));
  }

  clear(): void {
    this.entries.length = 0;
    this.start = 0;
  }
}

/** A request on its way: when it came in (clock and monotonic time); taken once it is recorded. */
const PENDING = Symbol('request log: pending');

type Logged = Response & { [PENDING]?: { atMs: number; started: number; log: RequestLog } };

/** One listener for every response (it reads its own response as `this`), not two closures per request. */
function record(this: Logged): void {
  const pending = this[PENDING];
  if (!pending) return;
  this[PENDING] = undefined;
  const note: unknown = this.locals.logNote;
  pending.log.add({
    atMs: pending.atMs,
    method: this.req.method,
    path: this.req.originalUrl,
    status: this.writableFinished ? this.statusCode : 'dropped',
    durationMs: Math.round((performance.now() - pending.started) * 100) / 100,
    ...(typeof note === 'string' ? { note } : {}),
  });
}

/**
 * Records every request in its server's log (`logOf` finds it, and the server's clock), with its outcome, once it is
 * answered or its connection is cut.
 */
export function logRequests(logOf: (req: Request) => { log: RequestLog; clock: Clock }): RequestHandler {
  return function logRequest(req, res: Logged, next) {
    const { log, clock } = logOf(req);
    res[PENDING] = { atMs: clock.now(), started: performance.now(), log };
    res.on('finish', record);
    res.on('close', record);
    next();
  };
}
