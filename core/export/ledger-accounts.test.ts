import { describe, expect, it } from 'vitest';
import { createClock } from '../../primitives/index.js';
import { Focus, type LineInput } from '../focus/focus.js';
import type { FocusDocument } from '../focus/state.js';
import {
  applySuggestionsInBulk,
  createLedgerAccount,
  ledgerProblems,
  listLedgerAccounts,
  setAutoSuggest,
  setDiscountAccount,
  suggestLedgerAccount,
} from './ledger-accounts.js';

/** A Focus with one company and, unless `bare`, accounts 700000 (services), 700100 (goods) and 708000 (discounts). */
function newFocus({ bare = false } = {}): { focus: Focus; companyId: string } {
  const focus = new Focus(createClock({ start: '2026-03-02T09:00:00Z', frozen: true }));
  const companyId = focus.addCompany({ name: 'Brouwerij De Kroon' }).id;
  if (!bare) {
    createLedgerAccount(focus, 'admin', { code: '700000', description: 'Sales of services' });
    createLedgerAccount(focus, 'admin', { code: '700100', description: 'Sales of goods' });
    createLedgerAccount(focus, 'admin', { code: '708000', description: 'Discounts granted' });
  }
  return { focus, companyId };
}

const line = (vatRateBp: number, extra: Partial<LineInput> = {}): LineInput => ({
  description: `Line at ${vatRateBp}`,
  quantity: 1,
  unitPriceCents: 10_000,
  vatRateBp,
  ...extra,
});

function draft(focus: Focus, companyId: string, lines: LineInput[]): FocusDocument {
  const created = focus.createDraft({ companyId, date: '2026-02-02', lines });
  if (!created.ok) throw new Error(created.problem.message);
  return created.value;
}

describe('R21: ledger accounts under Settings > Revenue > Ledger accounts', () => {
  it('R21: an admin creates accounts; they are listed in code order', () => {
    const { focus } = newFocus({ bare: true });
    expect(createLedgerAccount(focus, 'admin', { code: ' 700100 ', description: ' Sales of goods ' })).toEqual({
      ok: true,
      value: { code: '700100', description: 'Sales of goods' },
    });
    createLedgerAccount(focus, 'admin', { code: '70000', description: 'Short code' });
    createLedgerAccount(focus, 'admin', { code: '700000', description: 'Sales of services' });
    expect(listLedgerAccounts(focus).map((a) => a.code)).toEqual(['70000', '700000', '700100']);
  });

  it('R21: refuses a non-admin, a code that is not digits, an empty description and a code that exists', () => {
    const { focus } = newFocus();
    const before = focus.snapshot();
    expect(createLedgerAccount(focus, 'sales', { code: '700200', description: 'Rent' })).toMatchObject({
      ok: false,
      problem: { code: 'not_admin', message: expect.stringContaining('Only an admin can change the ledger accounts') },
    });
    for (const code of ['70A000', '', '12345678901', '-7']) {
      expect(createLedgerAccount(focus, 'admin', { code, description: 'Rent' })).toMatchObject({
        ok: false,
        problem: { code: 'invalid', message: expect.stringContaining('use digits only') },
      });
    }
    expect(createLedgerAccount(focus, 'admin', { code: '700200', description: '  ' })).toMatchObject({
      ok: false,
      problem: { code: 'invalid', message: expect.stringContaining('needs a description') },
    });
    expect(createLedgerAccount(focus, 'admin', { code: '700000 ', description: 'Again' })).toEqual({
      ok: false,
      problem: {
        code: 'duplicate_ledger_account',
        account: '700000',
        message: 'Ledger account 700000 already exists. Edit it, or create the account under another number.',
      },
    });
    expect(focus.snapshot()).toEqual(before);
  });

  it('R21: an admin sets and clears the discount account; an unknown account or a non-admin is refused', () => {
    const { focus } = newFocus();
    expect(setDiscountAccount(focus, 'admin', '708000')).toEqual({ ok: true, value: '708000' });
    expect(focus.state.bookkeepingExport.ledger.discountAccount).toBe('708000');
    expect(setDiscountAccount(focus, 'admin', '999')).toMatchObject({
      ok: false,
      problem: {
        code: 'unknown_ledger_account',
        account: '999',
        message: expect.stringContaining('Create it under Settings > Revenue > Ledger accounts'),
      },
    });
    expect(setDiscountAccount(focus, 'sales', null)).toMatchObject({ ok: false, problem: { code: 'not_admin' } });
    expect(focus.state.bookkeepingExport.ledger.discountAccount).toBe('708000');
    expect(setDiscountAccount(focus, 'admin', null)).toEqual({ ok: true, value: null });
    expect(focus.state.bookkeepingExport.ledger.discountAccount).toBeNull();
  });
});

describe('R21: auto-suggest accounts at certain VAT tariffs', () => {
  it('R21: an admin sets and removes the suggestion per VAT rate', () => {
    const { focus } = newFocus();
    expect(setAutoSuggest(focus, 'admin', 2100, '700000')).toEqual({ ok: true, value: '700000' });
    setAutoSuggest(focus, 'admin', 600, '700100');
    expect([
      suggestLedgerAccount(focus.state, 2100),
      suggestLedgerAccount(focus.state, 600),
      suggestLedgerAccount(focus.state, 1200),
    ]).toEqual(['700000', '700100', null]);
    expect(setAutoSuggest(focus, 'admin', 600, null)).toEqual({ ok: true, value: null });
    expect(focus.state.bookkeepingExport.ledger.autoSuggest).toEqual({ '2100': '700000' });
  });

  it('R21: refuses a non-admin, an unknown account and a VAT rate that is not 0–10000 basis points', () => {
    const { focus } = newFocus();
    expect(setAutoSuggest(focus, 'sales', 2100, '700000')).toMatchObject({ ok: false, problem: { code: 'not_admin' } });
    expect(setAutoSuggest(focus, 'admin', 2100, '800000')).toMatchObject({
      ok: false,
      problem: { code: 'unknown_ledger_account', account: '800000' },
    });
    for (const rate of [-1, 21.5, 10_001]) {
      expect(setAutoSuggest(focus, 'admin', rate, '700000')).toMatchObject({
        ok: false,
        problem: { code: 'invalid', message: expect.stringContaining('basis points') },
      });
    }
    expect(focus.state.bookkeepingExport.ledger.autoSuggest).toEqual({});
  });

  it('R21: a new invoice line without account gets the account of its VAT rate; a chosen account stays', () => {
    const { focus, companyId } = newFocus();
    setAutoSuggest(focus, 'admin', 2100, '700000');
    const document = draft(focus, companyId, [line(2100), line(2100, { ledgerAccount: '700100' }), line(1200)]);
    expect(document.lines.map((l) => l.ledgerAccount)).toEqual(['700000', '700100', null]);
  });

  it('R21: editing lines does not pick accounts: only a new line gets the suggestion', () => {
    const { focus, companyId } = newFocus();
    const document = draft(focus, companyId, [line(2100)]);
    setAutoSuggest(focus, 'admin', 2100, '700000');
    focus.editLines(document.id, [line(2100)]);
    expect(document.lines[0]!.ledgerAccount).toBeNull();
  });
});

describe('R21: applying the suggested accounts in bulk to existing invoices', () => {
  it('R21: sets the suggestion on lines without account only, and counts lines and documents', () => {
    const { focus, companyId } = newFocus();
    const a = draft(focus, companyId, [line(2100), line(2100, { ledgerAccount: '700100' }), line(1200)]);
    const b = draft(focus, companyId, [line(2100, { ledgerAccount: '700000' })]);
    const c = draft(focus, companyId, [line(600), line(600)]);
    setAutoSuggest(focus, 'admin', 2100, '700000');
    setAutoSuggest(focus, 'admin', 600, '700100');
    expect(applySuggestionsInBulk(focus, 'admin')).toEqual({ ok: true, value: { lines: 3, documents: 2, documentIds: [a.id, c.id] } });
    expect(focus.state.documents[a.id]!.lines.map((l) => l.ledgerAccount)).toEqual(['700000', '700100', null]);
    expect(focus.state.documents[b.id]!.lines.map((l) => l.ledgerAccount)).toEqual(['700000']);
    expect(focus.state.documents[c.id]!.lines.map((l) => l.ledgerAccount)).toEqual(['700100', '700100']);
  });

  it('R21: with overwrite every line at a suggested rate gets the suggestion; a second run changes nothing', () => {
    const { focus, companyId } = newFocus();
    const a = draft(focus, companyId, [line(2100, { ledgerAccount: '700100' }), line(2100, { ledgerAccount: '700000' })]);
    setAutoSuggest(focus, 'admin', 2100, '700000');
    expect(applySuggestionsInBulk(focus, 'admin', { overwrite: true })).toEqual({
      ok: true,
      value: { lines: 1, documents: 1, documentIds: [a.id] },
    });
    expect(focus.state.documents[a.id]!.lines.map((l) => l.ledgerAccount)).toEqual(['700000', '700000']);
    expect(applySuggestionsInBulk(focus, 'admin', { overwrite: true })).toEqual({
      ok: true,
      value: { lines: 0, documents: 0, documentIds: [] },
    });
  });

  it('R21/R11: a synced document changed in bulk is marked edited after sync, like any edit; an untouched one is not', () => {
    const { focus, companyId } = newFocus();
    const changed = draft(focus, companyId, [line(2100)]);
    const untouched = draft(focus, companyId, [line(2100, { ledgerAccount: '700000' })]);
    for (const document of [changed, untouched]) document.link = { division: 1, journal: '70', entryId: `entry-${document.id}` };
    setAutoSuggest(focus, 'admin', 2100, '700000');
    applySuggestionsInBulk(focus, 'admin');
    expect([focus.state.documents[changed.id]!.editedAfterSync, focus.state.documents[untouched.id]!.editedAfterSync]).toEqual([
      true,
      false,
    ]);
  });

  it('R21: refuses a non-admin, and a bulk run before any suggestion is set', () => {
    const { focus, companyId } = newFocus();
    draft(focus, companyId, [line(2100)]);
    expect(applySuggestionsInBulk(focus, 'admin')).toMatchObject({
      ok: false,
      problem: { code: 'invalid', message: expect.stringContaining('Auto-suggest accounts at certain VAT-tariffs') },
    });
    setAutoSuggest(focus, 'admin', 2100, '700000');
    const before = focus.snapshot();
    expect(applySuggestionsInBulk(focus, 'sales')).toMatchObject({
      ok: false,
      problem: { code: 'not_admin', message: expect.stringContaining('ledger accounts of existing invoices') },
    });
    expect(focus.snapshot()).toEqual(before);
  });
});

describe('R21: the ledger problems of a document, as the export preview shows them', () => {
  it('R21: a document whose lines all have accounts of the list has none', () => {
    const { focus, companyId } = newFocus();
    expect(
      ledgerProblems(
        focus.state,
        draft(focus, companyId, [line(2100, { ledgerAccount: '700000' }), line(600, { ledgerAccount: '700100' })]),
      ),
    ).toEqual([]);
  });

  it('R21: lines without ledger account are named, with what to do', () => {
    const { focus, companyId } = newFocus();
    const document = draft(focus, companyId, [line(2100), line(2100, { ledgerAccount: '700000' }), line(600)]);
    expect(ledgerProblems(focus.state, document)).toEqual([
      `Unspecified ledger account on lines 1, 3 of invoice ${document.id}: open it, use the pencil next to 'content' and set the accounts, or apply the auto-suggested accounts in bulk.`,
    ]);
  });

  it('R21: accounts that are not in the list are named per account', () => {
    const { focus, companyId } = newFocus();
    const booked = focus.book(
      draft(focus, companyId, [line(2100, { ledgerAccount: '740000' }), line(2100, { ledgerAccount: '700000' })]).id,
    );
    if (!booked.ok) throw new Error(booked.problem.message);
    expect(ledgerProblems(focus.state, booked.value)).toEqual([
      'Ledger account 740000 on line 1 of invoice 2026/1 does not exist: create it under Settings > Revenue > Ledger accounts, or pick another account.',
    ]);
  });

  it('R21: a commercial discount without a discount account is the "missing ledger account for commercial discounts"', () => {
    const { focus, companyId } = newFocus();
    const document = draft(focus, companyId, [line(2100, { ledgerAccount: '700000', discountBp: 1000 })]);
    const [problem, ...rest] = ledgerProblems(focus.state, document);
    expect(rest).toEqual([]);
    expect(problem).toMatch(
      /^Missing ledger account for commercial discounts: line 1 of invoice .* has a discount\. Set a discount account/,
    );
    setDiscountAccount(focus, 'admin', '708000');
    expect(ledgerProblems(focus.state, document)).toEqual([]);
  });

  it('R21: a discount account that is not in the list is an error; without discounts it is not needed', () => {
    const { focus, companyId } = newFocus();
    const discounted = draft(focus, companyId, [line(2100, { ledgerAccount: '700000', discountBp: 500 })]);
    const plain = draft(focus, companyId, [line(2100, { ledgerAccount: '700000' })]);
    focus.state.bookkeepingExport.ledger.discountAccount = '709999';
    expect(ledgerProblems(focus.state, discounted)).toEqual([
      'The discount account 709999 does not exist: create it under Settings > Revenue > Ledger accounts, or pick another discount account.',
    ]);
    expect(ledgerProblems(focus.state, plain)).toEqual([]);
  });
});
