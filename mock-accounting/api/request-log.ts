import type { RequestHandler } from 'express';
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

/** A bounded log of the latest requests, oldest dropped first. */
export class RequestLog {
  private readonly entries: RequestLogEntry[] = [];

  constructor(private readonly capacity: number) {}

  add(entry: RequestLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.shift();
  }

  /** The latest `limit` entries, oldest first. */
  latest(limit = this.capacity): RequestLogEntry[] {
    return this.entries.slice(-limit);
  }

  clear(): void {
    this.entries.length = 0;
  }
}

/** Records every request with its outcome once it is answered or its connection is cut. */
export function logRequests(log: RequestLog, clock: Clock): RequestHandler {
  return function logRequest(req, res, next) {
    const started = performance.now();
    const at = new Date(clock.now()).toISOString();
    let done = false;
    const record = () => {
      if (done) return;
      done = true;
      log.add({
        at,
        method: req.method,
        path: req.originalUrl,
        status: res.writableFinished ? res.statusCode : 'dropped',
        durationMs: Math.round((performance.now() - started) * 100) / 100,
        ...(typeof res.locals.logNote === 'string' ? { note: res.locals.logNote } : {}),
      });
    };
    res.on('finish', record);
    res.on('close', record);
    next();
  };
}
