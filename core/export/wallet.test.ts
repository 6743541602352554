import { describe, expect, it } from 'vitest';
import { createClock } from '../../primitives/index.js';
import { Focus } from '../focus/focus.js';
import type { FocusDocument } from '../focus/state.js';
import { documentsInPeriod } from './period.js';
import { exportCost, payForExport, topUpWallet } from './wallet.js';

function focusWithInvoices(count: number): { focus: Focus; documents: FocusDocument[] } {
  const focus = new Focus(createClock({ start: '2026-03-02T09:00:00Z', frozen: true }));
  const companyId = focus.addCompany({ name: 'Atelier Lumière' }).id;
  const documents = Array.from({ length: count }, (_, i) => {
    const draft = focus.createDraft({
      companyId,
      date: `2026-02-${String(i + 1).padStart(2, '0')}`,
      lines: [{ description: 'Design', quantity: 1, unitPriceCents: 10_000, vatRateBp: 2100 }],
    });
    if (!draft.ok) throw new Error(draft.problem.message);
    const booked = focus.book(draft.value.id);
    if (!booked.ok) throw new Error(booked.problem.message);
    return booked.value;
  });
  return { focus, documents };
}

describe('R22: the cost step charges EUR 0.12 per invoice from the wallet, each invoice once', () => {
  it('R22: quotes EUR 0.12 per invoice not paid before', () => {
    const { focus, documents } = focusWithInvoices(5);
    topUpWallet(focus, 100);
    expect(exportCost(focus.state, documents)).toEqual({
      documents: 5,
      alreadyPaid: 0,
      toCharge: 5,
      feeCents: 60,
      balanceCents: 100,
      enough: true,
    });
  });

  it('R22: paying charges the wallet once per invoice and records each invoice as paid', () => {
    const { focus, documents } = focusWithInvoices(3);
    topUpWallet(focus, 100);
    const paid = payForExport(focus, documents);
    expect(paid).toMatchObject({ ok: true, value: { toCharge: 3, feeCents: 36 } });
    expect(focus.state.bookkeepingExport.wallet.balanceCents).toBe(64);
    expect(Object.keys(focus.state.bookkeepingExport.wallet.charged).sort()).toEqual(documents.map((d) => d.id).sort());
    expect(focus.state.bookkeepingExport.wallet.charged[documents[0]!.id]).toEqual({ at: '2026-03-02T09:00:00.000Z', feeCents: 12 });
  });

  it('R22: exporting the same invoices again is free, a wider period pays only for the new ones', () => {
    const { focus, documents } = focusWithInvoices(4);
    topUpWallet(focus, 100);
    payForExport(focus, documents.slice(0, 2));
    const again = payForExport(focus, documents.slice(0, 2));
    expect(again).toMatchObject({ ok: true, value: { alreadyPaid: 2, toCharge: 0, feeCents: 0 } });
    const wider = payForExport(focus, documents);
    expect(wider).toMatchObject({ ok: true, value: { alreadyPaid: 2, toCharge: 2, feeCents: 24 } });
    expect(focus.state.bookkeepingExport.wallet.balanceCents).toBe(100 - 48);
  });

  it('R22: too little in the wallet is refused before anything is charged', () => {
    const { focus, documents } = focusWithInvoices(5);
    topUpWallet(focus, 59);
    const before = focus.snapshot();
    const refused = payForExport(focus, documents);
    expect(refused).toMatchObject({ ok: false, problem: { code: 'insufficient_funds', neededCents: 60, balanceCents: 59 } });
    if (!refused.ok) expect(refused.problem.message).toMatch(/€0\.60 .* €0\.59: nothing was charged\. Top up the wallet/);
    expect(focus.snapshot()).toEqual(before);
  });

  it('R22: an empty wallet still exports already-paid invoices for free', () => {
    const { focus, documents } = focusWithInvoices(2);
    topUpWallet(focus, 24);
    payForExport(focus, documents);
    expect(focus.state.bookkeepingExport.wallet.balanceCents).toBe(0);
    expect(payForExport(focus, documents)).toMatchObject({ ok: true, value: { feeCents: 0, enough: true } });
  });

  it('refuses a top-up that is not a positive number of cents', () => {
    const { focus } = focusWithInvoices(0);
    expect(topUpWallet(focus, 0)).toMatchObject({ ok: false, problem: { code: 'invalid' } });
    expect(topUpWallet(focus, 1.5)).toMatchObject({ ok: false, problem: { code: 'invalid' } });
    expect(topUpWallet(focus, 250)).toEqual({ ok: true, value: 250 });
  });
});

describe('R22: the period step selects booked invoices and credit notes', () => {
  it('R22: selects the booked documents dated within the period, invoices first in number order; drafts stay out', () => {
    const { focus, documents } = focusWithInvoices(4);
    const credit = focus.credit(documents[1]!.id, { date: '2026-02-02' });
    if (!credit.ok) throw new Error(credit.problem.message);
    const companyId = documents[0]!.companyId;
    focus.createDraft({ companyId, date: '2026-02-02', lines: documents[0]!.lines });
    const selected = documentsInPeriod(focus.state, { from: '2026-02-02', to: '2026-02-03' });
    expect(selected.ok && selected.value.map((d) => d.number)).toEqual(['2026/2', '2026/3', '2026/1']);
    expect(selected.ok && selected.value.map((d) => d.kind)).toEqual(['invoice', 'invoice', 'credit_note']);
  });

  it('R22: refuses a malformed day, a backwards period and a period without documents, saying what to pick', () => {
    const { focus } = focusWithInvoices(2);
    expect(documentsInPeriod(focus.state, { from: '2026-02-30', to: '2026-03-01' })).toMatchObject({
      ok: false,
      problem: { code: 'invalid', message: expect.stringContaining('YYYY-MM-DD') },
    });
    expect(documentsInPeriod(focus.state, { from: '2026-03-01', to: '2026-02-01' })).toMatchObject({
      ok: false,
      problem: { message: expect.stringContaining('swap') },
    });
    expect(documentsInPeriod(focus.state, { from: '2025-01-01', to: '2025-12-31' })).toMatchObject({
      ok: false,
      problem: { message: expect.stringContaining('pick another period') },
    });
  });
});
