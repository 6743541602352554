import type { MockState, SalesEntry } from '../../mock-accounting/index.js';
import { datePart } from '../exact-client/index.js';
import { BackOfficeClient } from '../world/back-office-client.js';
import { accountingBase } from './accounting-base.js';
import { apiRows, type ApiRow, type ApiRows } from './api-rows.js';
import type { ExactApiSession } from './exact-api-session.js';
import type { JournalNextNumber } from './next-numbers.js';
import { problemOf, type InputResult } from './problems.js';

/**
 * Where the copy's own ids start: ids read from the API are kept (Focus's links name them), and booklab serve makes
 * its ids from a counter (guidFor(n)), so the copy's new bookings must count from far above any server's counter
 * or a plan's first new booking would take the id of a booking read.
 */
const COPY_IDS_FROM = 1_000_000_000;

const num = (value: unknown, fallback = 0) => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);
const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const cents = (value: unknown) => Math.round(num(value) * 100);
const oneOf = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;

/**
 * Reads the accounting side of one administration through the API, following `__next` pages: sales journals, G/L
 * accounts, VAT codes, periods, relations, sales entries with their lines, and what is still open on each
 * (ReceivablesList; an entry absent from it is settled). Exact's API has no next booking number (it is master
 * data, R8): it comes from `nextNumbers`, else from booklab's back office when the API is `booklab serve`; the
 * integration's journals and every journal holding entries need one.
 */
export async function accountingFromApi(
  session: ExactApiSession,
  url: string,
  now: number,
  integrationJournals: readonly string[],
  nextNumbers?: JournalNextNumber[],
): Promise<InputResult<MockState>> {
  const { division } = session;
  const read = await apiRows(session, url);
  if (!read.ok) return read;
  const rows = { ...read.value, journals: read.value.journals.filter((j) => j.Type === 20 || j.Type === 21) };
  const counters = nextNumbers ?? (await backOfficeNextNumbers(url, division));
  if (!counters) {
    return problemOf(
      'missing-next-number',
      `Exact's API does not tell a journal's next booking number (it is master data: Master data > Journals). Read it there and pass it, e.g. --next-numbers ${rows.journals.map((j, i) => `${String(j.Code)}=${1001 + i * 7000}`).join(',') || '70=1006,71=8002'}.`,
    );
  }
  const needed = (code: string) => integrationJournals.includes(code) || rows.entries.some((e) => e.Journal === code);
  const missing = rows.journals.find((j) => needed(String(j.Code)) && !counters.some((c) => c.journal === String(j.Code)));
  if (missing)
    return problemOf(
      'missing-next-number',
      `Journal ${String(missing.Code)} has no next booking number. Add it to --next-numbers (${String(missing.Code)}=N), as Exact shows it in Master data > Journals.`,
    );
  const dates = rows.entries.map((e) => datePart(e.EntryDate)).filter((d): d is string => d !== null);
  const state = accountingBase(now, division, Math.min(new Date(now).getUTCFullYear(), ...dates.map((d) => Number(d.slice(0, 4)))));
  const description = rows.divisions.find((d) => d.Code === division)?.Description;
  if (typeof description === 'string') state.divisions[String(division)]!.description = description;
  for (const collection of ['glAccounts', 'vatCodes', 'periods'] as const) state[collection] = {};
  for (const g of rows.glAccounts) {
    const id = String(g.ID);
    state.glAccounts[id] = {
      id,
      division,
      code: String(g.Code).trim(),
      description: str(g.Description) ?? '',
      type: num(g.Type),
      balanceType: oneOf(g.BalanceType, ['B', 'W'] as const, 'W'),
      vatCode: str(g.VATCode),
      isBlocked: g.IsBlocked === true,
    };
  }
  for (const v of rows.vatCodes) {
    const id = String(v.ID);
    state.vatCodes[id] = {
      id,
      division,
      code: String(v.Code).trim(),
      description: str(v.Description) ?? '',
      rateBp: Math.round(num(v.Percentage) * 10_000),
      type: oneOf(v.Type, ['B', 'E', 'I', 'N'] as const, 'E'),
      vatTransactionType: oneOf(v.VATTransactionType, ['B', 'P', 'S'] as const, 'S'),
    };
  }
  for (const p of rows.periods) {
    const id = String(p.ID);
    state.periods[id] = {
      id,
      division,
      finYear: num(p.FinYear),
      finPeriod: num(p.FinPeriod),
      startDate: datePart(p.StartDate) ?? '',
      endDate: datePart(p.EndDate) ?? '',
      closed: false,
    };
  }
  for (const j of rows.journals) {
    const id = String(j.ID);
    // A sales journal the integration does not use and that holds no entry plays no part: it starts at 1.
    const counter = counters.find((c) => c.journal === String(j.Code)) ?? { nextNumber: 1 };
    const numbers = rows.entries.filter((e) => e.Journal === j.Code).map((e) => num(e.EntryNumber, counter.nextNumber));
    state.journals[id] = {
      id,
      division,
      code: String(j.Code),
      description: str(j.Description) ?? '',
      type: num(j.Type, 20),
      glAccountId: str(j.GLAccount),
      isBlocked: j.IsBlocked === true,
      firstEntryNumber: Math.min(counter.nextNumber, ...numbers),
      nextEntryNumber: counter.nextNumber,
      nextEntryNumberByYear: {},
    };
  }
  for (const [i, a] of rows.accounts.entries()) {
    const id = String(a.ID);
    state.accounts[id] = {
      id,
      division,
      code: String(a.Code ?? '').trim() || String(i + 1),
      name: str(a.Name) ?? '',
      status: oneOf(a.Status, ['A', 'S', 'P', 'C'] as const, 'C'),
      isSupplier: a.IsSupplier === true,
      vatNumber: str(a.VATNumber),
      chamberOfCommerce: str(a.ChamberOfCommerce),
      email: str(a.Email),
      country: str(a.Country),
      blocked: a.Blocked === true,
      searchCode: str(a.SearchCode),
      created: now,
      modified: now,
      timestamp: (state.meta.rowVersion = (state.meta.rowVersion ?? 0) + 1),
    };
  }
  addEntries(state, division, rows, now);
  state.meta.ids = Math.max(state.meta.ids ?? 0, COPY_IDS_FROM);
  return { ok: true, value: state };
}

/** Adds the sales entries with their lines and payments (total less what ReceivablesList still shows open). */
function addEntries(state: MockState, division: number, rows: ApiRows, now: number): void {
  const linesOf = new Map<string, ApiRow[]>();
  for (const line of rows.lines) linesOf.set(String(line.EntryID), [...(linesOf.get(String(line.EntryID)) ?? []), line]);
  const open = new Map(rows.open.map((o) => [`${String(o.JournalCode)}|${num(o.EntryNumber)}`, cents(o.Amount)]));
  const lastPayment = new Map(rows.receivables.map((r) => [String(r.TransactionEntryID), datePart(r.LastPaymentDate)]));
  for (const e of rows.entries) {
    const id = String(e.EntryID);
    const entryDate = datePart(e.EntryDate) ?? '';
    const lines: SalesEntry['lines'] = (linesOf.get(id) ?? [])
      .sort((a, b) => num(a.LineNumber) - num(b.LineNumber))
      .map((l) => ({
        id: String(l.ID),
        lineNumber: num(l.LineNumber),
        description: str(l.Description),
        quantity: typeof l.Quantity === 'number' ? l.Quantity : null,
        glAccountId: String(l.GLAccount),
        amountCents: cents(l.AmountFC),
        vatCode: str(l.VATCode),
        vatRateBp: Math.round(num(l.VATPercentage) * 10_000),
        vatAmountCents: cents(l.VATAmountFC),
        costCenter: str(l.CostCenter),
        costUnit: str(l.CostUnit),
      }));
    const total = lines.reduce((sum, l) => sum + l.amountCents + l.vatAmountCents, 0);
    const paid = total - (open.get(`${String(e.Journal)}|${num(e.EntryNumber)}`) ?? 0);
    state.meta.hid = (state.meta.hid ?? 0) + 1;
    state.salesEntries[id] = {
      id,
      division,
      journalCode: String(e.Journal),
      entryNumber: num(e.EntryNumber),
      entryDate,
      dueDate: datePart(e.DueDate),
      customerId: String(e.Customer),
      yourRef: str(e.YourRef),
      description: str(e.Description),
      currency: str(e.Currency) ?? 'EUR',
      reportingYear: num(e.ReportingYear, Number(entryDate.slice(0, 4))),
      reportingPeriod: num(e.ReportingPeriod, Number(entryDate.slice(5, 7))),
      paymentCondition: str(e.PaymentCondition),
      paymentReference: str(e.PaymentReference),
      orderNumber: typeof e.OrderNumber === 'number' ? e.OrderNumber : null,
      document: str(e.Document),
      lines,
      type: e.Type === 21 ? 21 : 20,
      status: e.Status === 50 ? 50 : 20,
      payments: paid === 0 ? [] : [{ date: lastPayment.get(id) ?? entryDate, amountCents: paid }],
      hid: state.meta.hid,
      created: now,
      modified: now,
      timestamp: (state.meta.rowVersion = (state.meta.rowVersion ?? 0) + 1),
    };
  }
}

/** The next booking numbers from booklab's back office (`booklab serve`); undefined from any other API. */
async function backOfficeNextNumbers(url: string, division: number): Promise<JournalNextNumber[] | undefined> {
  const journals = await new BackOfficeClient(url.replace(/\/+$/, '')).journals(division);
  if (!journals.ok || !Array.isArray(journals.value)) return undefined;
  return journals.value.map((j) => ({ journal: j.code, nextNumber: j.nextBookingNumber, description: j.description }));
}
