import type { Result } from '../../primitives/index.js';
import type { Fault, Flavour, MockState, RequestLogEntry } from '../../mock-accounting/index.js';
import { httpFetch, type FetchLike } from '../exact-client/http-fetch.js';
import type { Booking, JournalInfo, Relation } from '../invariants/accounting-records.js';

/** A booking entered by hand in the accounting package. */
export interface HandBooking {
  customerCode: string;
  entryDate?: string;
  yourRef?: string;
  description?: string;
  entryNumber?: number;
  lines: Array<{ glAccountCode: string; amountCents: number; vatCode?: string; description?: string; costCenter?: string }>;
}

/** How a batch of deletions went: how many were deleted, and the one refused (with the server's status and message) that stopped it. */
export interface BookingDeletions {
  deleted: number;
  refused: { journal: string; entryNumber: number; status: number; code: string; message: string } | null;
}

/**
 * Why a back-office call failed: the server's refusal (its error code, HTTP status and message), or `unreachable`
 * (status 0) when no answer came.
 */
export interface BackOfficeProblem {
  code: string;
  status: number;
  message: string;
}

/** The outcome of a back-office call; a refusal carries the server's message. */
export type BackOfficeResult<T> = Result<T, BackOfficeProblem>;

/**
 * Does by hand in the accounting package what a person (or a test) does there: reads journals and bookings,
 * books, deletes, pays, corrects the next booking number, closes periods, injects faults, snapshots.
 * Talks to the mock's `/__mock` back office over HTTP, or through `fetch` (a server in this process).
 */
export class BackOfficeClient {
  constructor(
    readonly baseUrl: string,
    private readonly fetch: FetchLike = httpFetch,
  ) {}

  journals(division: number): Promise<BackOfficeResult<JournalInfo[]>> {
    return this.call('GET', `/divisions/${division}/journals`);
  }

  bookings(division: number, journal: string): Promise<BackOfficeResult<Booking[]>> {
    return this.call('GET', `/divisions/${division}/journals/${encodeURIComponent(journal)}/entries`);
  }

  relations(division: number): Promise<BackOfficeResult<Relation[]>> {
    return this.call('GET', `/divisions/${division}/accounts`);
  }

  /** The journals, every booking of each (journal by journal) and the relations, in one read: what a view needs. */
  overview(division: number): Promise<BackOfficeResult<{ journals: JournalInfo[]; bookings: Booking[]; relations: Relation[] }>> {
    return this.call('GET', `/divisions/${division}/overview`);
  }

  book(division: number, journal: string, booking: HandBooking): Promise<BackOfficeResult<Booking>> {
    return this.call('POST', `/divisions/${division}/journals/${encodeURIComponent(journal)}/entries`, booking);
  }

  deleteBooking(
    division: number,
    journal: string,
    entryNumber: number,
  ): Promise<BackOfficeResult<{ deleted: Booking; journal: JournalInfo }>> {
    return this.call('DELETE', `/divisions/${division}/journals/${encodeURIComponent(journal)}/entries/${entryNumber}`);
  }

  /** Deletes bookings one after the other in one request, each as {@link deleteBooking} deletes it; stops at the first refused. */
  deleteBookings(
    division: number,
    bookings: ReadonlyArray<{ journal: string; entryNumber: number }>,
  ): Promise<BackOfficeResult<BookingDeletions>> {
    return this.call('POST', `/divisions/${division}/deletions`, {
      bookings: bookings.map(({ journal, entryNumber }) => ({ journal, entryNumber })),
    });
  }

  /** Edits a booking's lines by hand, keeping its number (R11: edits are made in the bookkeeping tool). */
  editLines(division: number, journal: string, entryNumber: number, lines: HandBooking['lines']): Promise<BackOfficeResult<Booking>> {
    return this.call('PUT', `/divisions/${division}/journals/${encodeURIComponent(journal)}/entries/${entryNumber}/lines`, { lines });
  }

  setNextBookingNumber(division: number, journal: string, value: number): Promise<BackOfficeResult<JournalInfo>> {
    return this.call('PUT', `/divisions/${division}/journals/${encodeURIComponent(journal)}/next-booking-number`, { value });
  }

  registerPayment(
    division: number,
    journal: string,
    entryNumber: number,
    payment: { amountCents?: number; date?: string } = {},
  ): Promise<BackOfficeResult<Booking>> {
    return this.call('POST', `/divisions/${division}/journals/${encodeURIComponent(journal)}/entries/${entryNumber}/payments`, payment);
  }

  setPeriodClosed(division: number, year: number, period: number, closed: boolean): Promise<BackOfficeResult<unknown>> {
    return this.call('PUT', `/divisions/${division}/periods/${year}/${period}`, { closed });
  }

  /** Makes a division imitate Exact Online, Octopus or Yuki (for Yuki, on the given domain). */
  setFlavour(
    division: number,
    flavour: Flavour,
    domain?: string,
  ): Promise<BackOfficeResult<{ code: number; flavour: Flavour; domain?: string }>> {
    return this.call('PUT', `/divisions/${division}/flavour`, domain === undefined ? { flavour } : { flavour, domain });
  }

  /** Changes an Octopus journal's type ('Sales bookings', 'Invoices', …): the set-up mistake and its fix. */
  setJournalType(division: number, journal: string, typeName: string): Promise<BackOfficeResult<JournalInfo>> {
    return this.call('PUT', `/divisions/${division}/journals/${encodeURIComponent(journal)}/type`, { typeName });
  }

  addFault(fault: Partial<Fault> & { path: string }): Promise<BackOfficeResult<Fault & { id: number }>> {
    return this.call('POST', '/faults', fault);
  }

  clearFaults(): Promise<BackOfficeResult<unknown>> {
    return this.call('DELETE', '/faults');
  }

  setClock(epochMs: number): Promise<BackOfficeResult<unknown>> {
    return this.call('PUT', '/clock', { now: epochMs });
  }

  state(): Promise<BackOfficeResult<MockState>> {
    return this.call('GET', '/state');
  }

  restore(state: MockState): Promise<BackOfficeResult<unknown>> {
    return this.call('PUT', '/state', state);
  }

  reset(seed = 'demo'): Promise<BackOfficeResult<unknown>> {
    return this.call('POST', '/reset', { seed });
  }

  /** The server's latest answered (or cut) requests, oldest first: where a 5xx answer shows. */
  requests(): Promise<BackOfficeResult<RequestLogEntry[]>> {
    return this.call('GET', '/requests');
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<BackOfficeResult<T>> {
    let response: Awaited<ReturnType<FetchLike>>;
    try {
      response = await this.fetch(`${this.baseUrl}/__mock${path}`, {
        method,
        headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      return {
        ok: false,
        problem: {
          code: 'unreachable',
          status: 0,
          message: `The accounting server at ${this.baseUrl} cannot be reached (${(error as Error).message}). Is it running?`,
        },
      };
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
    if (response.status >= 200 && response.status < 300) return { ok: true, value: parsed as T };
    const refusal = (parsed as { error?: { code?: unknown; message?: string } })?.error;
    const code = typeof refusal?.code === 'string' && refusal.code ? refusal.code : 'refused';
    return { ok: false, problem: { code, status: response.status, message: refusal?.message ?? text } };
  }
}
