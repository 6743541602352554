import { describe, expect, it } from 'vitest';
import { accountingBase } from './accounting-base.js';
import { focusFromOverviews } from './focus-from-overviews.js';
import { parseFocusOverview } from './focus-overview.js';

const NOW = Date.parse('2026-03-02T09:00:00Z');
const SETTINGS = { division: 123456, startDate: '2026-01-01', invoiceJournal: '70', creditNoteJournal: '71' };

describe('focusFromOverviews', () => {
  it("maps the totals' 0 % VAT to the administration's own 0 % code and books them on its first revenue account", () => {
    const accounting = accountingBase(NOW, 123456, 2026);
    expect(Object.keys(accounting.divisions)).toEqual(['123456']);
    expect(Object.values(accounting.users).map((u) => [u.divisions, u.currentDivision])).toEqual([[[123456], 123456]]);
    expect(new Set(Object.values(accounting.glAccounts).map((g) => g.division))).toEqual(new Set([123456]));
    for (const vat of Object.values(accounting.vatCodes)) if (vat.rateBp === 0) vat.code = 'VRIJ';
    const rows = parseFocusOverview(
      'Number;Date;Customer;Total;Status;Booking number\n2026/1;2026-01-12;X;1,00;Draft;\n',
      'f.csv',
      'invoice',
    );
    if (!rows.ok) throw new Error(rows.problem.message);
    const focus = focusFromOverviews(rows.value, SETTINGS, accounting, NOW);
    if (!focus.ok) throw new Error(focus.problem.message);
    expect(focus.value.integration?.settings).toMatchObject({ division: 123456, vatMap: { '0': 'VRIJ' } });
    expect(Object.values(focus.value.documents)[0]?.lines).toEqual([
      {
        description: 'Total from the overview (VAT not split)',
        quantity: 1,
        unitPriceCents: 100,
        vatRateBp: 0,
        ledgerAccount: '700000',
        discountBp: 0,
        costCentre: null,
      },
    ]);
  });

  it('links each customer name to the relation of the same name, and keeps a start number per series from the lowest number', () => {
    const accounting = accountingBase(NOW, 123456, 2026);
    accounting.accounts.a = {
      id: '00000000-0000-4000-8000-000000000001',
      division: 123456,
      code: '7',
      name: 'De Kroon',
      status: 'C',
      isSupplier: false,
      vatNumber: 'BE0412345678',
      chamberOfCommerce: null,
      email: null,
      country: 'BE',
      blocked: false,
      searchCode: null,
      created: NOW,
      modified: NOW,
      timestamp: 1,
    };
    const rows = parseFocusOverview(
      'Number;Date;Customer;Total;Status;Booking number\n2026/41;2026-01-12;De Kroon;1,00;Outstanding;\n2026/42;2026-01-13;Lumière;1,00;Outstanding;\n',
      'f.csv',
      'invoice',
    );
    if (!rows.ok) throw new Error(rows.problem.message);
    const focus = focusFromOverviews(rows.value, SETTINGS, accounting, NOW);
    if (!focus.ok) throw new Error(focus.problem.message);
    expect(Object.values(focus.value.companies).map((c) => [c.name, c.accountingCode, c.vatNumber])).toEqual([
      ['De Kroon', '7', 'BE0412345678'],
      ['Lumière', null, null],
    ]);
    expect(focus.value.startNumbers).toEqual({ '2026:invoice': 41 });
  });
});
