// The two kinds of Focus document and how messages name them; below core/focus, so that Focus's refusals, the sync's
// bell texts and the invariants' words can all say "invoice 2026/3" without importing one another.

/** The kinds of document Focus books, each in its own number series. */
export const DOCUMENT_KINDS = ['invoice', 'credit_note'] as const;

/** An invoice or a credit note. */
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** "invoice" / "credit note", for messages. */
export const kindWord = (kind: DocumentKind) => (kind === 'invoice' ? 'invoice' : 'credit note');

/** "Invoice" / "Credit note", to start a sentence. */
export const kindTitle = (kind: DocumentKind) => capital(kindWord(kind));

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
