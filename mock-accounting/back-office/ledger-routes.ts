import express, { type Request, type Router } from 'express';
import { scopeOf } from '../app-scope.js';
import type { Result } from '../domain/result.js';
import type { Ledger } from '../domain/ledger.js';
import { findJournal, findPeriod } from '../domain/lookups.js';
import { createSalesEntry, deleteSalesEntry } from '../domain/sales-entries.js';
import { replaceSalesEntryLines } from '../domain/sales-entry-lines.js';
import { registerPayment } from '../domain/payments.js';
import { withBookingCounter } from '../domain/booking-numbers.js';
import { fail, ok } from '../domain/result.js';
import type { Journal, SalesEntry } from '../store/index.js';
import { bookingView, bookingViews, currentCounterYear, journalView, journalViews, overviewOf, relationViews } from './views.js';
import { created, intParam, refusalOf, route } from './respond.js';
import {
  AnyBody,
  BookingQuerySchema,
  DeletionsSchema,
  handLine,
  HandBookingSchema,
  LinesSchema,
  NextNumberSchema,
  PaymentSchema,
  PeriodSchema,
  ref,
} from './ledger-schemas.js';

/** The ledger of the server the request was sent to. */
const ledgerOf = (req: Request): Ledger => scopeOf(req).ledger;

/** The division of the path, if it exists; a list of an unknown division is a 404, like one of its journals. */
function divisionOf(req: Request): number | undefined {
  const division = intParam(req, 'division');
  return division !== undefined && Object.hasOwn(ledgerOf(req).store.state.divisions, String(division)) ? division : undefined;
}

const unknownDivision = (req: Request) => fail({ code: 'not_found', entity: `division ${String(req.params.division)}` });

const journalOf = (req: Request) => journalIn(req, String(req.params.code));

/** The journal `code` of the path's division. */
function journalIn(req: Request, code: string): Result<Journal> {
  const division = intParam(req, 'division');
  const journal = division === undefined ? undefined : findJournal(ledgerOf(req), division, code);
  return journal ? ok(journal) : fail({ code: 'not_found', entity: `journal ${code} in division ${String(req.params.division)}` });
}

function bookingOf(req: Request, journal: Journal): Result<SalesEntry> {
  const query = BookingQuerySchema.safeParse(req.query);
  if (!query.success) return fail({ code: 'bad_request', message: `Invalid year ${JSON.stringify(req.query.year)}: use ?year=YYYY.` });
  return bookingIn(
    ledgerOf(req),
    journal,
    intParam(req, 'entryNumber'),
    String(req.params.entryNumber),
    query.data.year === undefined ? undefined : Number(query.data.year),
  );
}

/** The booking `entryNumber` (as `named`) of the journal, in `year` when given. */
function bookingIn(ledger: Ledger, journal: Journal, entryNumber: number | undefined, named: string, year?: number): Result<SalesEntry> {
  const matches = entryNumber === undefined ? [] : ledger.entryNumbers.holding(journal.division, journal.code, entryNumber, year);
  if (matches.length === 1) return ok(matches[0]!);
  if (matches.length === 0) return fail({ code: 'not_found', entity: `booking ${named} in journal ${journal.code}` });
  const years = matches.map((e) => e.reportingYear).join(', ');
  return fail({ code: 'bad_request', message: `Booking ${entryNumber} exists in several years (${years}): add ?year=YYYY.` });
}

/** Journals, their next booking number (R8), and bookings entered, deleted and paid by hand, on the request's server. */
export function ledgerRoutes(): Router {
  const router = express.Router({ mergeParams: true });

  router.get(
    '/accounts',
    route(AnyBody, (_input, req) => {
      const ledger = ledgerOf(req);
      const division = divisionOf(req);
      return division === undefined ? unknownDivision(req) : ok(relationViews(ledger, division));
    }),
  );

  router.get(
    '/journals',
    route(AnyBody, (_input, req) => {
      const ledger = ledgerOf(req);
      const division = divisionOf(req);
      if (division === undefined) return unknownDivision(req);
      return ok(journalViews(ledger, division));
    }),
  );

  // What the dashboard, the recorder and the doctor read after each action: the three reads above in one answer, so a
  // view costs one request instead of one per journal plus two (58 % of a catalogue run's requests were these).
  router.get(
    '/overview',
    route(AnyBody, (_input, req) => {
      const ledger = ledgerOf(req);
      const division = divisionOf(req);
      return division === undefined ? unknownDivision(req) : ok(overviewOf(ledger, division));
    }),
  );

  router.get(
    '/journals/:code',
    route(AnyBody, (_input, req) => {
      const ledger = ledgerOf(req);
      const found = journalOf(req);
      return found.ok ? ok(journalView(found.value, ledger.numbering, currentCounterYear(ledger))) : found;
    }),
  );

  router.put(
    '/journals/:code/next-booking-number',
    route(NextNumberSchema, async ({ value, year }, req) => {
      const ledger = ledgerOf(req);
      const found = journalOf(req);
      if (!found.ok) return found;
      // The year a counter applies to: given, or (numbering per year) the clock's year.
      const scope = year ?? currentCounterYear(ledger);
      const updated = withBookingCounter(found.value, value, ledger.numbering, scope);
      await ledger.store.write((tx) => tx.put('journals', updated.id, updated));
      return ok(journalView(updated, ledger.numbering, scope));
    }),
  );

  router.get(
    '/journals/:code/entries',
    route(AnyBody, (_input, req) => {
      const ledger = ledgerOf(req);
      const found = journalOf(req);
      return found.ok ? ok(bookingViews(ledger, found.value)) : found;
    }),
  );

  router.post(
    '/journals/:code/entries',
    route(HandBookingSchema, async (input, req) => {
      const ledger = ledgerOf(req);
      const found = journalOf(req);
      if (!found.ok) return found;
      const result = await ledger.store.attempt((tx) =>
        createSalesEntry(tx, ledger, found.value.division, {
          journalCode: found.value.code,
          customer: ref(input.customerId, input.customerCode),
          entryDate: input.entryDate,
          dueDate: input.dueDate,
          entryNumber: input.entryNumber,
          yourRef: input.yourRef,
          description: input.description,
          lines: input.lines.map(handLine),
        }),
      );
      return result.ok ? created(bookingView(ledger.store.state, result.value)) : result;
    }),
  );

  router.delete(
    '/journals/:code/entries/:entryNumber',
    route(AnyBody, async (_input, req) => {
      const ledger = ledgerOf(req);
      const found = journalOf(req);
      if (!found.ok) return found;
      const booking = bookingOf(req, found.value);
      if (!booking.ok) return booking;
      const result = await ledger.store.attempt((tx) => deleteSalesEntry(tx, ledger, booking.value, ''));
      if (!result.ok) return result;
      const journal = findJournal(ledger, found.value.division, found.value.code)!;
      return ok({
        deleted: bookingView(ledger.store.state, booking.value),
        journal: journalView(journal, ledger.numbering, booking.value.reportingYear),
      });
    }),
  );

  // Bookings deleted one after the other in one request and one commit, each as DELETE …/entries/:entryNumber deletes it
  // (R7, R8: each releases its number); a refusal changes nothing and ends the list there, those before it stay deleted.
  router.post(
    '/deletions',
    route(DeletionsSchema, async ({ bookings }, req) => {
      const ledger = ledgerOf(req);
      return ok(
        await ledger.store.write((tx) => {
          let deleted = 0;
          for (const b of bookings) {
            const found = journalIn(req, b.journal);
            const booking = found.ok ? bookingIn(ledger, found.value, b.entryNumber, String(b.entryNumber)) : found;
            const result = booking.ok ? deleteSalesEntry(tx, ledger, booking.value, '') : booking;
            if (!result.ok) return { deleted, refused: { ...b, ...refusalOf(result.problem) } };
            deleted += 1;
          }
          return { deleted, refused: null };
        }),
      );
    }),
  );

  router.put(
    '/journals/:code/entries/:entryNumber/lines',
    route(LinesSchema, async ({ lines }, req) => {
      const ledger = ledgerOf(req);
      const found = journalOf(req);
      if (!found.ok) return found;
      const booking = bookingOf(req, found.value);
      if (!booking.ok) return booking;
      const result = await ledger.store.attempt((tx) => replaceSalesEntryLines(tx, ledger, booking.value, lines.map(handLine), ''));
      return result.ok ? ok(bookingView(ledger.store.state, result.value)) : result;
    }),
  );

  router.post(
    '/journals/:code/entries/:entryNumber/payments',
    route(PaymentSchema, async (input, req) => {
      const ledger = ledgerOf(req);
      const found = journalOf(req);
      if (!found.ok) return found;
      const booking = bookingOf(req, found.value);
      if (!booking.ok) return booking;
      const result = await ledger.store.attempt((tx) => registerPayment(tx, ledger, booking.value, input));
      return result.ok ? created(bookingView(ledger.store.state, result.value)) : result;
    }),
  );

  router.put(
    '/periods/:year/:period',
    route(PeriodSchema, async ({ closed }, req) => {
      const ledger = ledgerOf(req);
      const division = intParam(req, 'division');
      const year = intParam(req, 'year');
      const periodNumber = intParam(req, 'period');
      const period =
        division === undefined || year === undefined || periodNumber === undefined
          ? undefined
          : findPeriod(ledger.store.state, division, { year, period: periodNumber });
      if (!period) return fail({ code: 'not_found', entity: `period ${String(req.params.year)}/${String(req.params.period)}` });
      const updated = { ...period, closed };
      await ledger.store.write((tx) => tx.put('periods', period.id, updated));
      return ok(updated);
    }),
  );

  return router;
}
