import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caseFromApi,
  caseFromExports,
  evaluateInvariants,
  ExactClient,
  FOCUS_APP,
  loadCaseFile,
  memoryTokenStore,
  World,
  writeCaseFile,
  type CaseFile,
  type WorldView,
} from '../core/index.js';
import { createClock, startMockServer, type MockServer, type RequestLogEntry } from '../mock-accounting/index.js';

// The doctor reads a running Exact-compatible API (booklab serve) through ExactClient into a case that loads as
// a case file does. 130 invoices make three pages of 60 sales entries: the reader must follow __next.

const NOW = Date.parse('2026-03-02T09:00:00Z');
const INVOICES = 130;

let server: MockServer;
let dir: string;
let ticket: string;
let original: WorldView;

/** Invoice 2026/n booked as 1000 + n, except that 1004 was deleted in Exact and 2026/130 got 1004 again (article 002), after someone set the counter back. */
function invoiceRows(): string[] {
  return Array.from({ length: INVOICES }, (_, i) => {
    const n = i + 1;
    const booking = n === INVOICES ? 1004 : 1000 + n;
    return `2026/${n};${String((n % 28) + 1).padStart(2, '0')}-02-2026;Customer ${n % 7};${n},00;Openstaand;${booking}`;
  });
}

function entryRows(): string[] {
  return Array.from({ length: INVOICES - 1 }, (_, i) => i + 1)
    .filter((n) => n !== 4)
    .map((n) => `70;${1000 + n};${String((n % 28) + 1).padStart(2, '0')}-02-2026;2026/${n};Customer ${n % 7};${n},00`)
    .concat(
      `70;1004;${String((INVOICES % 28) + 1).padStart(2, '0')}-02-2026;2026/${INVOICES};Customer ${INVOICES % 7};${INVOICES},00`,
      '71;8001;12-02-2026;2026/1;Customer 1;-1,00',
    );
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'booklab-doctor-api-'));
  await writeFile(join(dir, 'facturen.csv'), `Factuurnummer;Datum;Klant;Totaal;Status;Boekstuknummer\n${invoiceRows().join('\n')}\n`);
  await writeFile(
    join(dir, 'creditnotas.csv'),
    'Creditnotanummer;Datum;Klant;Totaal;Status;Boekstuknummer\n2026/1;12-02-2026;Customer 1;1,00;Openstaand;8001\n',
  );
  await writeFile(join(dir, 'boekingen.csv'), `Dagboek;Boekstuknummer;Datum;Uw ref.;Relatie;Bedrag\n${entryRows().join('\n')}\n`);
  const read = await caseFromExports({
    invoices: join(dir, 'facturen.csv'),
    creditNotes: join(dir, 'creditnotas.csv'),
    entries: join(dir, 'boekingen.csv'),
    nextNumbers: '70=1130,71=8002',
    startDate: '2026-01-01',
    invoiceJournal: '70',
    creditNoteJournal: '71',
    division: 100001,
    now: NOW,
  });
  if (!read.ok) throw new Error(read.problem.message);
  ticket = join(dir, 'ticket.json');
  await writeCaseFile(ticket, read.value);
  server = await startMockServer({ seed: 'empty', host: '127.0.0.1', port: 0, clock: createClock({ start: NOW, frozen: true }) });
  const world = await World.create({ serverUrl: server.url, clock: new Date(NOW).toISOString() });
  const restored = await world.restore(read.value.snapshot);
  if (!restored.ok) throw new Error(restored.problem.message);
  original = await world.view();
});

afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Loads a case as `booklab doctor` does (loadCaseFile), into a world of its own, and returns what it holds. */
async function loadedView(caseFile: CaseFile): Promise<WorldView> {
  const path = join(dir, `read-${Math.random().toString(36).slice(2)}.json`);
  await writeCaseFile(path, caseFile);
  const loaded = await loadCaseFile(path, { transport: 'in-process' });
  if (!loaded.ok) throw new Error(loaded.problem.message);
  try {
    return await loaded.value.view();
  } finally {
    await loaded.value.close();
  }
}

async function requests(): Promise<RequestLogEntry[]> {
  return (await (await fetch(`${server.url}/__mock/requests?limit=1000`)).json()) as RequestLogEntry[];
}

describe('caseFromApi against a running booklab serve', () => {
  it('reads every page of the journal, with Focus from the case file, into a case that loads with the same bookings', async () => {
    await fetch(`${server.url}/__mock/requests`, { method: 'DELETE' });
    const read = await caseFromApi({ url: server.url, focus: { case: ticket }, now: NOW });
    if (!read.ok) throw new Error(read.problem.message);
    const view = await loadedView(read.value);
    expect(view.accounting.bookings).toHaveLength(INVOICES);
    expect(
      view.accounting.bookings.map((b) => [
        b.id,
        b.journal,
        b.entryNumber,
        b.entryDate,
        b.yourRef,
        b.customer.name,
        b.totalCents,
        b.outstandingCents,
      ]),
    ).toEqual(
      original.accounting.bookings.map((b) => [
        b.id,
        b.journal,
        b.entryNumber,
        b.entryDate,
        b.yourRef,
        b.customer.name,
        b.totalCents,
        b.outstandingCents,
      ]),
    );
    expect(view.accounting.journals.map((j) => [j.code, j.nextBookingNumber])).toEqual([
      ['70', 1130],
      ['71', 8002],
    ]);
    expect(evaluateInvariants(view).map((v) => v.message)).toEqual([
      'Invoice 2026/4 is linked to booking 1004 in journal 70, but that booking no longer exists in the bookkeeping tool.',
      '2026/4 and 2026/130 carry the same booking number 1004 (journal 70).',
    ]);
    const tokens = read.value.snapshot.focus.integration?.tokens;
    expect(tokens && Object.keys(read.value.snapshot.accounting.accessTokens)).toEqual([tokens?.accessToken]);
    const pages = (await requests()).filter((r) => r.method === 'GET' && r.path.includes('salesentry/SalesEntries'));
    expect(pages.length).toBe(3);
  });

  it('signs in with a refresh token, takes the next numbers given, and reads Focus from its overviews', async () => {
    const signIn = new ExactClient({ baseUrl: server.url, ...FOCUS_APP, clock: createClock(), tokens: memoryTokenStore() });
    const tokens = await signIn.connect();
    if (!tokens.ok) throw new Error(tokens.problem.message);
    const read = await caseFromApi({
      url: server.url,
      division: 100001,
      refreshToken: tokens.value.refreshToken,
      nextNumbers: '70=1131,71=8002',
      now: NOW,
      focus: {
        invoices: join(dir, 'facturen.csv'),
        creditNotes: join(dir, 'creditnotas.csv'),
        startDate: '2026-01-01',
        invoiceJournal: '70',
        creditNoteJournal: '71',
      },
    });
    if (!read.ok) throw new Error(read.problem.message);
    const view = await loadedView(read.value);
    expect(view.accounting.journals.map((j) => [j.code, j.nextBookingNumber])).toEqual([
      ['70', 1131],
      ['71', 8002],
    ]);
    expect(evaluateInvariants(view).map((v) => v.invariant)).toEqual(['I1', 'I2']);
  });

  it('a refused token, an unknown division or a server that is not there is a problem with what to do, never a throw', async () => {
    const badToken = await caseFromApi({ url: server.url, accessToken: 'not-a-token', focus: { case: ticket }, now: NOW });
    expect(badToken).toMatchObject({ ok: false, problem: { code: 'exact-api' } });
    expect(!badToken.ok && badToken.problem.message).toMatch(
      /^Could not read system\/Divisions of division 100001 at http:\/\/127\.0\.0\.1:\d+: .*Check the division/,
    );
    const otherDivision = await caseFromApi({ url: server.url, division: 100002, focus: { case: ticket }, now: NOW });
    expect(otherDivision).toMatchObject({ ok: false, problem: { code: 'usage' } });
    expect(!otherDivision.ok && otherDivision.problem.message).toContain(
      "The case's integration works in division 100001, but --division is 100002",
    );
    const noCounter = await caseFromApi({ url: server.url, nextNumbers: '70=1130', focus: { case: ticket }, now: NOW });
    expect(noCounter).toMatchObject({ ok: false, problem: { code: 'missing-next-number' } });
    expect(!noCounter.ok && noCounter.problem.message).toContain('Journal 71 has no next booking number. Add it to --next-numbers (71=N)');
    const gone = await caseFromApi({ url: 'http://127.0.0.1:9', focus: { case: ticket }, now: NOW });
    expect(gone).toMatchObject({ ok: false, problem: { code: 'exact-api' } });
  });
});
