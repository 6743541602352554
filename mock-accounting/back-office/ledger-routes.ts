// Over 250 lines: one router for the journals and their bookings, whose lookups every route shares.
import express, { type Request, type Router } from 'express';
import { z } from 'zod';
import type { Ledger } from '../domain/ledger.js';
import { findJournal, findPeriod } from '../domain/lookups.js';
import { createSalesEntry, deleteSalesEntry, replaceSalesEntryLines, type Ref } from '../domain/sales-entries.js';
import { registerPayment } from '../domain/payments.js';
import { withBookingCounter } from '../domain/booking-numbers.js';
import { fail, ok } from '../domain/result.js';
import { isIsoDay, type Clock } from '../clock.js';
import { MAX_ENTRY_NUMBER, type Journal, type SalesEntry } from '../store/index.js';
import { MAX_AMOUNT_CENTS } from '../domain/money.js';
import { bookingView, journalView } from './views.js';
import { intParam, refusalOf, route, type BackOfficeResult } from './respond.js';

const isoDate = z.string().refine(isIsoDay, 'use an existing day as YYYY-MM-DD');
const guid = z.string().regex(/^[0-9a-fA-F-]{36}$/, 'use a GUID');
// Bounds before int(): its own bound (the safe integers) would otherwise be the one a too large value is told about.
/** Amounts in cents, bounded as the API bounds them, so no sum of them leaves the numbers JSON keeps exact. */
const cents = z.number().min(-MAX_AMOUNT_CENTS).max(MAX_AMOUNT_CENTS).int();
const entryNumber = z.number().max(MAX_ENTRY_NUMBER).int().positive();

/** A booking line entered by hand: the G/L account by code (or id), amounts in cents. */
const HandLineSchema = z
  .object({
    glAccountCode: z.string().min(1).optional(),
    glAccountId: guid.optional(),
    amountCents: cents,
    vatCode: z.string().min(1).optional(),
    vatAmountCents: cents.optional(),
    description: z.string().max(255).optional(),
    quantity: z.number().optional(),
    costCenter: z.string().min(1).max(8).optional(),
  })
  .strict();

/** A booking entered by hand in Exact: the customer by code (or id), lines as {@link HandLineSchema}. */
export const HandBookingSchema = z
  .object({
    entryNumber: entryNumber.optional(),
    customerCode: z.string().min(1).optional(),
    customerId: guid.optional(),
    entryDate: isoDate.optional(),
    dueDate: isoDate.optional(),
    yourRef: z.string().max(60).optional(),
    description: z.string().max(255).optional(),
    lines: z.array(HandLineSchema).min(1),
  })
  .strict();

// The other bodies' schemas, built once (a zod schema costs about a millisecond to build, and every world builds an app).
const AnyBody = z.any();
export const NextNumberSchema = z.object({ value: entryNumber, year: z.number().min(1).max(9999).int().optional() }).strict();
export const LinesSchema = z.object({ lines: z.array(HandLineSchema).min(1) }).strict();
export const PaymentSchema = z.object({ amountCents: cents.optional(), date: isoDate.optional() }).strict();
/** Bookings to delete one after the other, in this order (highest first, as a plan says). */
export const DeletionsSchema = z
  .object({ bookings: z.array(z.object({ journal: z.string().min(1), entryNumber }).strict()).min(1) })
  .strict();
export const PeriodSchema = z.object({ closed: z.boolean() }).strict();
/** `?year=YYYY` picks a booking by number when numbering per year gives the number in several years. */
export const BookingQuerySchema = z.object({
  year: z
    .string()
    .regex(/^\d{1,4}$/)
    .optional(),
});

const handLine = (l: z.infer<typeof HandLineSchema>) => ({
  glAccount: ref(l.glAccountId, l.glAccountCode),
  amountCents: l.amountCents,
  vatCode: l.vatCode,
  vatAmountCents: l.vatAmountCents,
  description: l.description,
  quantity: l.quantity,
  costCenter: l.costCenter,
});

const ref = (id: string | undefined, code: string | undefined): Ref | undefined =>
  id ? { id: id.toLowerCase() } : code ? { code } : undefined;

/** Journals, their next booking number (R8), and bookings entered, deleted and paid by hand. */
export function ledgerRoutes(ledger: Ledger): Router {
  const router = express.Router({ mergeParams: true });
  const { store } = ledger;

  /** The division of the path, if it exists; a list of an unknown division is a 404, like one of its journals. */
  const divisionOf = (req: Request): number | undefined => {
    const division = intParam(req, 'division');
    return division !== undefined && Object.hasOwn(store.state.divisions, String(division)) ? division : undefined;
  };
  const unknownDivision = (req: Request) => fail({ code: 'not_found', entity: `division ${String(req.params.division)}` });
  /** The year a counter applies to: given, or (numbering per year) the clock's year. */
  const counterYear = (clock: Clock, year: number | undefined) =>
    ledger.numbering.perYear ? (year ?? new Date(clock.now()).getUTCFullYear()) : year;

  const journalOf = (req: Request) => journalIn(req, String(req.params.code));
  /** The journal `code` of the path's division. */
  const journalIn = (req: Request, code: string): { ok: true; journal: Journal } | { ok: false; result: BackOfficeResult } => {
    const division = intParam(req, 'division');
    const journal = division === undefined ? undefined : findJournal(ledger, division, code);
    return journal
      ? { ok: true, journal }
      : { ok: false, result: fail({ code: 'not_found', entity: `journal ${code} in division ${String(req.params.division)}` }) };
  };

  const bookingOf = (req: Request, journal: Journal): { ok: true; entry: SalesEntry } | { ok: false; result: BackOfficeResult } => {
    const query = BookingQuerySchema.safeParse(req.query);
    if (!query.success)
      return {
        ok: false,
        result: fail({ code: 'bad_request', message: `Invalid year ${JSON.stringify(req.query.year)}: use ?year=YYYY.` }),
      };
    return bookingIn(
      journal,
      intParam(req, 'entryNumber'),
      String(req.params.entryNumber),
      query.data.year === undefined ? undefined : Number(query.data.year),
    );
  };
  /** The booking `entryNumber` (as `named`) of the journal, in `year` when given. */
  const bookingIn = (
    journal: Journal,
    entryNumber: number | undefined,
    named: string,
    year?: number,
  ): { ok: true; entry: SalesEntry } | { ok: false; result: BackOfficeResult } => {
    const matches = entryNumber === undefined ? [] : ledger.entryNumbers.holding(journal.division, journal.code, entryNumber, year);
    if (matches.length === 1) return { ok: true, entry: matches[0]! };
    if (matches.length === 0) {
      return { ok: false, result: fail({ code: 'not_found', entity: `booking ${named} in journal ${journal.code}` }) };
    }
    const years = matches.map((e) => e.reportingYear).join(', ');
    return {
      ok: false,
      result: fail({ code: 'bad_request', message: `Booking ${entryNumber} exists in several years (${years}): add ?year=YYYY.` }),
    };
  };

  router.get(
    '/accounts',
    route(AnyBody, (_input, req) => {
      const division = divisionOf(req);
      if (division === undefined) return unknownDivision(req);
      const accounts = ledger.divisions.of('accounts', division).sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
      return ok(
        accounts.map((a) => ({ id: a.id, code: a.code, name: a.name, vatNumber: a.vatNumber, country: a.country, status: a.status })),
      );
    }),
  );

  router.get(
    '/journals',
    route(AnyBody, (_input, req) => {
      const division = divisionOf(req);
      if (division === undefined) return unknownDivision(req);
      const journals = ledger.divisions.of('journals', division).sort((a, b) => a.code.localeCompare(b.code));
      return ok(journals.map((j) => journalView(j, ledger.numbering, counterYear(ledger.clock, undefined))));
    }),
  );

  router.get(
    '/journals/:code',
    route(AnyBody, (_input, req) => {
      const found = journalOf(req);
      return found.ok ? ok(journalView(found.journal, ledger.numbering, counterYear(ledger.clock, undefined))) : found.result;
    }),
  );

  router.put(
    '/journals/:code/next-booking-number',
    route(NextNumberSchema, async ({ value, year }, req) => {
      const found = journalOf(req);
      if (!found.ok) return found.result;
      const scope = counterYear(ledger.clock, year);
      const updated = withBookingCounter(found.journal, value, ledger.numbering, scope);
      await store.write((tx) => tx.put('journals', updated.id, updated));
      return ok(journalView(updated, ledger.numbering, scope));
    }),
  );

  router.get(
    '/journals/:code/entries',
    route(AnyBody, (_input, req) => {
      const found = journalOf(req);
      if (!found.ok) return found.result;
      const entries = ledger.divisions
        .of('salesEntries', found.journal.division)
        .filter((e) => e.journalCode === found.journal.code)
        .sort((a, b) => a.reportingYear - b.reportingYear || a.entryNumber - b.entryNumber);
      return ok(entries.map((e) => bookingView(store.state, e)));
    }),
  );

  router.post(
    '/journals/:code/entries',
    route(HandBookingSchema, async (input, req) => {
      const found = journalOf(req);
      if (!found.ok) return found.result;
      const result = await store.attempt((tx) =>
        createSalesEntry(tx, ledger, found.journal.division, {
          journalCode: found.journal.code,
          customer: ref(input.customerId, input.customerCode),
          entryDate: input.entryDate,
          dueDate: input.dueDate,
          entryNumber: input.entryNumber,
          yourRef: input.yourRef,
          description: input.description,
          lines: input.lines.map(handLine),
        }),
      );
      return result.ok ? { ok: true, value: bookingView(store.state, result.value), status: 201 } : result;
    }),
  );

  router.delete(
    '/journals/:code/entries/:entryNumber',
    route(AnyBody, async (_input, req) => {
      const found = journalOf(req);
      if (!found.ok) return found.result;
      const booking = bookingOf(req, found.journal);
      if (!booking.ok) return booking.result;
      const result = await store.attempt((tx) => deleteSalesEntry(tx, ledger, booking.entry, ''));
      if (!result.ok) return result;
      const journal = findJournal(ledger, found.journal.division, found.journal.code)!;
      return ok({
        deleted: bookingView(store.state, booking.entry),
        journal: journalView(journal, ledger.numbering, booking.entry.reportingYear),
      });
    }),
  );

  // Bookings deleted one after the other, each as DELETE …/entries/:entryNumber deletes it (R7, R8), in one request.
  router.post(
    '/deletions',
    route(DeletionsSchema, async ({ bookings }, req) => {
      let deleted = 0;
      for (const b of bookings) {
        const found = journalIn(req, b.journal);
        const booking = found.ok ? bookingIn(found.journal, b.entryNumber, String(b.entryNumber)) : found;
        const result = booking.ok ? await store.attempt((tx) => deleteSalesEntry(tx, ledger, booking.entry, '')) : booking.result;
        if (!result.ok) return ok({ deleted, refused: { ...b, ...refusalOf(result.problem) } });
        deleted += 1;
      }
      return ok({ deleted, refused: null });
    }),
  );

  router.put(
    '/journals/:code/entries/:entryNumber/lines',
    route(LinesSchema, async ({ lines }, req) => {
      const found = journalOf(req);
      if (!found.ok) return found.result;
      const booking = bookingOf(req, found.journal);
      if (!booking.ok) return booking.result;
      const result = await store.attempt((tx) => replaceSalesEntryLines(tx, ledger, booking.entry, lines.map(handLine), ''));
      return result.ok ? ok(bookingView(store.state, result.value)) : result;
    }),
  );

  router.post(
    '/journals/:code/entries/:entryNumber/payments',
    route(PaymentSchema, async (input, req) => {
      const found = journalOf(req);
      if (!found.ok) return found.result;
      const booking = bookingOf(req, found.journal);
      if (!booking.ok) return booking.result;
      const result = await store.attempt((tx) => registerPayment(tx, ledger, booking.entry, input));
      return result.ok ? { ok: true, value: bookingView(store.state, result.value), status: 201 } : result;
    }),
  );

  router.put(
    '/periods/:year/:period',
    route(PeriodSchema, async ({ closed }, req) => {
      const division = intParam(req, 'division');
      const year = intParam(req, 'year');
      const periodNumber = intParam(req, 'period');
      const period =
        division === undefined || year === undefined || periodNumber === undefined
          ? undefined
          : findPeriod(store.state, division, { year, period: periodNumber });
      if (!period) return fail({ code: 'not_found', entity: `period ${String(req.params.year)}/${String(req.params.period)}` });
      const updated = { ...period, closed };
      await store.write((tx) => tx.put('periods', period.id, updated));
      return ok(updated);
    }),
  );

  return router;
}
