import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_DIVISIONS, type MockServer } from '../mock-accounting/index.js';
import { apiClient, connectDemoApp, startTestMock, type ApiClient } from './support/mock.js';

// "Concurrent requests never get the same booking number": many POSTs at once, over real sockets,
// against a file-backed server (so every answer waits for the disk, and commits are grouped).

describe('concurrent bookings on a file-backed server', () => {
  let dir: string;
  let file: string;
  let mock: MockServer | undefined;
  let api: ApiClient;
  let customer: string;
  let glAccount: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'booklab-concurrency-'));
    file = join(dir, 'data.json');
    await start();
  });

  afterEach(async () => {
    await mock?.close();
    mock = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  async function start(): Promise<void> {
    mock = await startTestMock({ file });
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const { accessToken } = await connectDemoApp(mock.url);
    api = apiClient(mock.url, accessToken, DEMO_DIVISIONS.main);
    const gl = await api.get("financial/GLAccounts?$filter=Code eq '700000'&$select=ID");
    glAccount = gl.body.d.results[0].ID as string;
    const relation = await api.get("crm/Accounts?$filter=trim(Code) eq '1'&$select=ID");
    customer = relation.body.d.results[0].ID as string;
  }

  const booking = (journal: string, ref: string) => ({
    Journal: journal,
    Customer: customer,
    EntryDate: '2026-03-02',
    YourRef: ref,
    SalesEntryLines: [{ GLAccount: glAccount, AmountFC: 100, VATCode: '21' }],
  });

  /** Every booking of the division, following `__next`. */
  async function allBookings(): Promise<Array<{ EntryID: string; EntryNumber: number; Journal: string; YourRef: string }>> {
    const rows = [];
    let page = await api.get('salesentry/SalesEntries?$select=EntryID,EntryNumber,Journal,YourRef');
    for (;;) {
      expect(page.status).toBe(200);
      rows.push(...page.body.d.results);
      if (!page.body.d.__next) return rows;
      page = await api.follow(page.body.d.__next as string);
    }
  }

  it('gives 100 simultaneous POSTs on one journal 100 distinct, consecutive numbers 1001..1100', async () => {
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => api.post('salesentry/SalesEntries', booking('70', `c-${i}`))));

    for (const answer of answers) expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    const numbers = answers.map((a) => a.body.d.EntryNumber as number);
    expect(new Set(numbers).size).toBe(100);
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => 1001 + i));
    // Every answer carries its own booking: the number is InvoiceNumber too, and YourRef matches the request.
    answers.forEach((a, i) => {
      expect(a.body.d.YourRef).toBe(`c-${i}`);
      expect(a.body.d.InvoiceNumber).toBe(a.body.d.EntryNumber);
    });

    // What the server lists is exactly what it answered.
    const listed = await allBookings();
    expect(listed).toHaveLength(100);
    const answeredById = new Map(answers.map((a) => [a.body.d.EntryID as string, a.body.d.EntryNumber as number]));
    for (const row of listed) expect(answeredById.get(row.EntryID)).toBe(row.EntryNumber);

    // The counter went to 1101, also after a restart on the same file.
    await mock!.close();
    mock = undefined;
    await start();
    const next = await api.post('salesentry/SalesEntries', booking('70', 'after restart'));
    expect(next.status).toBe(201);
    expect(next.body.d.EntryNumber).toBe(1101);
  });

  it('keeps journals 70 and 71 independent under interleaved concurrent bookings', async () => {
    const journals = Array.from({ length: 80 }, (_, i) => (i % 2 === 0 ? '70' : '71'));
    const answers = await Promise.all(
      journals.map((journal, i) => api.post('salesentry/SalesEntries', booking(journal, `${journal}-${i}`))),
    );

    for (const answer of answers) expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    const numbersOf = (journal: string) =>
      answers
        .filter((a) => a.body.d.Journal === journal)
        .map((a) => a.body.d.EntryNumber as number)
        .sort((a, b) => a - b);
    expect(numbersOf('70')).toEqual(Array.from({ length: 40 }, (_, i) => 1001 + i));
    expect(numbersOf('71')).toEqual(Array.from({ length: 40 }, (_, i) => 8001 + i));
    answers.forEach((a, i) => expect(a.body.d.Journal).toBe(journals[i]));

    const listed = await allBookings();
    expect(listed).toHaveLength(80);
    for (const journal of ['70', '71']) {
      const listedNumbers = listed.filter((r) => r.Journal === journal).map((r) => r.EntryNumber);
      expect(new Set(listedNumbers).size).toBe(40);
    }
  });
});
