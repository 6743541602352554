import { kindWord, type DocumentKind } from '../../core/index.js';
import { settingsScreen } from '../screens.js';
import type { ScenarioContext } from '../scenario.js';

// Small helpers the procedure steps share: the article's words per kind, and the journal a kind is booked in.

/** The two kinds, the article's subject first: "change the word invoice to credit note and vice versa". */
export function kindsFrom(kind: DocumentKind): [DocumentKind, DocumentKind] {
  return kind === 'invoice' ? ['invoice', 'credit_note'] : ['credit_note', 'invoice'];
}

/** "invoice" / "credit note". */
export const word = kindWord;

/** "invoices" / "credit notes". */
export function words(kind: DocumentKind): string {
  return `${kindWord(kind)}s`;
}

/** The kind's word for `count` documents: "invoice" for one, "invoices" for more. */
export function wordFor(kind: DocumentKind, count: number): string {
  return count === 1 ? word(kind) : words(kind);
}

/** The journal the integration books a kind in, as its settings screen shows it ("your invoice and credit note journals"). */
export function journalOf(ctx: ScenarioContext, kind: DocumentKind): string {
  const settings = settingsScreen(ctx);
  return kind === 'invoice' ? settings.invoiceJournal : settings.creditNoteJournal;
}
