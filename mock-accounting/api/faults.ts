import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import { errorEnvelope } from './respond.js';

/** A fault to inject into matching API requests. */
export const FaultSchema = z
  .object({
    /** HTTP method to match; any when absent. */
    method: z.enum(['GET', 'POST', 'PUT', 'DELETE']).optional(),
    /** Case-insensitive text the request path must contain, e.g. `salesentry/SalesEntries`. */
    path: z.string().min(1),
    /** Answer with this status instead of handling the request (401 and 429 with an empty body, as Exact). */
    status: z.number().int().min(400).max(599).optional(),
    /** Wait this long before handling. */
    latencyMs: z.number().int().min(0).max(60_000).optional(),
    /** Handle and commit the request, then cut the connection instead of answering (a lost answer). */
    dropAfterCommit: z.boolean().optional(),
    /** How many matching requests it affects; null for every one until cleared. */
    times: z.number().int().positive().nullable().default(1),
  })
  .strict()
  .refine((f) => f.status !== undefined || f.latencyMs !== undefined || f.dropAfterCommit, {
    message: 'A fault needs at least one of status, latencyMs or dropAfterCommit.',
  })
  .refine((f) => !(f.status !== undefined && f.dropAfterCommit), {
    message: 'A fault cannot both answer with a status and drop the answer: choose one.',
  });

/** A fault as configured. */
export type Fault = z.infer<typeof FaultSchema>;

/** The faults currently armed, matched in the order they were added. */
export class FaultInjector {
  private faults: Array<Fault & { id: number; hits: number }> = [];
  private lastId = 0;

  add(fault: Fault): number {
    this.lastId += 1;
    this.faults.push({ ...fault, id: this.lastId, hits: 0 });
    return this.lastId;
  }

  list() {
    return this.faults.map((f) => ({ ...f }));
  }

  clear(): void {
    this.faults = [];
  }

  /** Takes the first fault matching the request, counting it as used. */
  take(method: string, path: string): Fault | undefined {
    if (this.faults.length === 0) return undefined;
    const lower = path.toLowerCase();
    const fault = this.faults.find((f) => (!f.method || f.method === method) && lower.includes(f.path.toLowerCase()));
    if (!fault) return undefined;
    fault.hits += 1;
    if (fault.times !== null && fault.hits >= fault.times) this.faults = this.faults.filter((f) => f !== fault);
    return fault;
  }
}

/**
 * Applies a fault armed on the request's server (`faultsOf` finds its faults): delay, answer with a status, or mark
 * the answer to be dropped after the commit.
 */
export function injectFaults(faultsOf: (req: Request) => FaultInjector): RequestHandler {
  // Without a fault the request goes on at once, with no promise made for it.
  return function injectFault(req, res, next) {
    const fault = faultsOf(req).take(req.method, req.path);
    return fault ? applyFault(fault, res, next) : next();
  };
}

/** Delays, answers with the fault's status, or marks the answer to be dropped after the commit. */
async function applyFault(fault: Fault, res: Response, next: NextFunction): Promise<void> {
  if (fault.latencyMs) await new Promise((resolve) => setTimeout(resolve, fault.latencyMs));
  if (fault.status === 401 || fault.status === 429) {
    res.status(fault.status).end();
    return;
  }
  if (fault.status !== undefined) {
    res.status(fault.status).json(errorEnvelope(`Injected fault: HTTP ${fault.status}.`));
    return;
  }
  if (fault.dropAfterCommit) res.locals.dropAfterCommit = true;
  next();
}
