// What each of the dashboard's hand actions does to a world, and how it went in words for the header's flash line.

import { euros, plural, type FocusDocument, type World } from '../core/index.js';
import { DAY_MS, fail, type Problem, type Result } from '../primitives/index.js';
import type { SettingsForm } from './app-state.js';

/** How an action went: what the flash line says when it went through, or the problem (the core's own) when not. */
export type Outcome = Result<string, Problem>;

/** A failure of the dashboard's own (nothing selected, a step failed, a file not written), in words for the flash line. */
export const problem = (code: string, message: string) => fail<Problem>({ code, message });

/** The dashboard refuses: nothing selected, nothing to play. */
export const refused = (message: string) => problem('refused', message);

/** A booking entered by hand in Exact: under a Focus invoice number, or for `amountCents` net. */
export interface HandBooking {
  yourRef: string;
  amountCents?: number;
  journal?: string;
}

/** Runs a manual sync (R15); the outcome is the bell's message. */
export async function sync(world: World): Promise<Outcome> {
  const report = await world.sync('manual');
  const message = report.notification?.message ?? report.errors[0] ?? 'Sync done.';
  const hidden = report.notification && !report.notification.shown ? ' (the bell is full: the message was not shown)' : '';
  // Errors make it a failure, told in the bell's words (the bell shows the first error, or not at all when it is full).
  return report.errors.length === 0 ? { ok: true, value: message + hidden } : problem('sync_errors', message + hidden);
}

/** Books a draft: the given one, or the first draft. */
export async function bookDraft(world: World, documentId?: string): Promise<Outcome> {
  const draft = documentId ? world.focus.state.documents[documentId] : undefined;
  const target = draft?.status === 'draft' ? draft : Object.values(world.focus.state.documents).find((d) => d.status === 'draft');
  if (!target) return refused('There is no draft to book. Select a draft in the Focus pane.');
  const booked = world.focus.book(target.id);
  return booked.ok ? { ok: true, value: `Booked ${booked.value.number}.` } : booked;
}

/** Deletes a Focus document: the given one, or the last booked invoice; refusals (R2, R3) come back as they are. */
export async function deleteDocument(world: World, documentId?: string): Promise<Outcome> {
  const target = (documentId && world.focus.state.documents[documentId]) || lastInvoice(world);
  if (!target) return refused('There is no invoice to delete.');
  const deleted = world.focus.deleteDocument(target.id);
  return deleted.ok ? { ok: true, value: `Deleted ${deleted.value.number ?? 'the draft'} in Focus.` } : deleted;
}

/** Deletes a booking by hand in Exact. */
export async function deleteBooking(world: World, journal: string, entryNumber: number): Promise<Outcome> {
  const result = await world.backOffice.deleteBooking(world.division, journal, entryNumber);
  return result.ok ? { ok: true, value: `Deleted booking ${entryNumber} in journal ${journal} in Exact.` } : result;
}

/** Corrects a journal's next booking number in Exact (R8). */
export async function setNextBookingNumber(world: World, journal: string, value: number): Promise<Outcome> {
  const result = await world.backOffice.setNextBookingNumber(world.division, journal, value);
  return result.ok ? { ok: true, value: `Journal ${journal}: next booking number ${result.value.nextBookingNumber}.` } : result;
}

/** Books an invoice by hand in Exact (R10): for a Focus invoice number its customer and amounts, else `amountCents` net for customer 1. */
export async function bookByHand(world: World, { yourRef, amountCents, journal }: HandBooking): Promise<Outcome> {
  const document = Object.values(world.focus.state.documents).find((d) => d.number === yourRef && d.kind === 'invoice');
  const company = document ? world.focus.state.companies[document.companyId] : undefined;
  const lines =
    document && amountCents === undefined
      ? document.lines.map((l) => ({
          glAccountCode: l.ledgerAccount ?? '700000',
          amountCents: Math.round(l.quantity * l.unitPriceCents * (1 - l.discountBp / 10_000)),
          vatCode: String(l.vatRateBp / 100),
          description: l.description,
        }))
      : [{ glAccountCode: '700000', amountCents: amountCents ?? 10_000, vatCode: '21', description: 'Entered by hand' }];
  const code = journal ?? world.focus.state.integration?.settings.invoiceJournal ?? '70';
  const result = await world.backOffice.book(world.division, code, {
    customerCode: company?.accountingCode ?? '1',
    entryDate: document?.date ?? world.clock.today(),
    yourRef,
    description: `Entered by hand: ${yourRef}`,
    lines,
  });
  return result.ok ? { ok: true, value: `Booked ${yourRef} by hand in Exact as ${result.value.entryNumber} (journal ${code}).` } : result;
}

/** Registers a payment of the whole outstanding amount on a booking in Exact. */
export async function registerPayment(world: World, journal: string, entryNumber: number): Promise<Outcome> {
  const result = await world.backOffice.registerPayment(world.division, journal, entryNumber);
  return result.ok
    ? { ok: true, value: `Payment registered on booking ${entryNumber}; outstanding now ${euros(result.value.outstandingCents)}.` }
    : result;
}

/** Moves the clock a day on, running the nightly sync if it is on (R17: no bell). */
export async function advanceDay(world: World): Promise<Outcome> {
  const reports = await world.advance(DAY_MS);
  const booked = reports.reduce((n, r) => n + r.invoicesBooked + r.creditNotesBooked, 0);
  return {
    ok: true,
    value: `It is now ${world.clock.today()}. ${reports.length ? `The nightly sync ran and booked ${plural(booked, 'document')} (no bell).` : 'No nightly sync ran.'}`,
  };
}

/** Deactivates the integration with the form's delink date and contacts option (R12). */
export async function deactivate(world: World, form: SettingsForm): Promise<Outcome> {
  const result = world.deactivate('admin', { delinkDate: form.delinkDate, delinkContacts: form.delinkContacts });
  return result.ok
    ? {
        ok: true,
        value: `Deactivated; ${plural(result.value.delinkedDocuments.length, 'document')} delinked from ${form.delinkDate}${form.delinkContacts ? `, ${plural(result.value.delinkedCompanies, 'company', 'companies')} too` : ''}.`,
      }
    : result;
}

/** Connects or reconnects with the form's start date, journals and import option (R13). */
export async function connect(world: World, form: SettingsForm): Promise<Outcome> {
  const result = await world.connect('admin', {
    division: world.division,
    startDate: form.startDate,
    invoiceJournal: form.invoiceJournal,
    creditNoteJournal: form.creditNoteJournal,
    importContacts: form.importContacts,
    nightlySync: form.nightlySync,
    strategy: world.focus.state.integration?.settings.strategy ?? 'faithful',
  });
  return result.ok
    ? {
        ok: true,
        value: `Connected from ${form.startDate} (journals ${form.invoiceJournal}/${form.creditNoteJournal})${form.importContacts ? `, ${plural(result.value.importedCompanies, 'company', 'companies')} imported` : ''}.`,
      }
    : result;
}

/** Marks the bell's notifications read and clears them (what reading the bell does, R16). */
export async function readNotifications(world: World): Promise<Outcome> {
  return { ok: true, value: `${plural(world.focus.clearNotifications(), 'notification')} read.` };
}

function lastInvoice(world: World): FocusDocument | undefined {
  return Object.values(world.focus.state.documents)
    .filter((d) => d.kind === 'invoice' && d.status === 'booked')
    .sort((a, b) => (a.fiscalYear ?? 0) - (b.fiscalYear ?? 0) || (a.sequence ?? 0) - (b.sequence ?? 0))
    .at(-1);
}
