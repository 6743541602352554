// The export preview (R24) as lines, so it can be windowed to the pane height like any list.

import { bookSign, euros, kindWord, type ExportPreview } from '../core/index.js';
import { GLYPHS, type Role } from './theme.js';

/** One line of the preview: a heading, a customer or document with ✓/✗, or one of its errors. */
export interface PreviewLine {
  text: string;
  role: Role;
}

const INDENT = '    ';

/** Columns the step list and the overlay frame take from the terminal width. */
export const STEP_LIST_WIDTH = 19;
const FRAME_WIDTH = 4;
/** Lines the preview step spends besides its list: the summary, the position, and up to three of message. */
const PREVIEW_CHROME = 5;

/** The room the preview's lines get in a terminal `columns` wide with an overlay body `height` lines high. */
export function previewRoom(columns: number, height: number): { width: number; height: number } {
  return { width: columns - FRAME_WIDTH - STEP_LIST_WIDTH - 1, height: Math.max(1, height - PREVIEW_CHROME) };
}

/** `text` broken at spaces into lines of at most `width` characters (a longer word gets a line of its own). */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

// Errors are wrapped rather than cut: their last words say what to do next.
function errorLines(errors: readonly string[], width: number): PreviewLine[] {
  return errors.flatMap((error) =>
    wrapText(`${GLYPHS.failed} ${error}`, Math.max(10, width - INDENT.length - 2)).map((text, i): PreviewLine => ({
      text: `${INDENT}${i === 0 ? '' : '  '}${text}`,
      role: 'error',
    })),
  );
}

function mark(errors: readonly string[]): string {
  return errors.length === 0 ? GLYPHS.ok : GLYPHS.failed;
}

// The lines of the last width asked per preview: a key press on the preview step both scrolls (counting the
// lines) and renders them, and a preview can hold thousands of rows. A preview is never changed once made.
const linesOfPreview = new WeakMap<ExportPreview, { width: number; lines: PreviewLine[] }>();

/** The parameters' own errors, the customers, then the invoices and credit notes, each followed by its errors wrapped to `width`. */
export function previewLines(preview: ExportPreview, width: number): PreviewLine[] {
  const cached = linesOfPreview.get(preview);
  if (cached?.width === width) return cached.lines;
  const lines = wrapPreview(preview, width);
  linesOfPreview.set(preview, { width, lines });
  return lines;
}

function wrapPreview(preview: ExportPreview, width: number): PreviewLine[] {
  const lines: PreviewLine[] = [];
  if (preview.general.length > 0) lines.push({ text: 'Parameters', role: 'accent' }, ...errorLines(preview.general, width));
  lines.push({ text: `Customers (${preview.customers.length})`, role: 'accent' });
  for (const customer of preview.customers) {
    lines.push({
      text: `${mark(customer.errors)} ${customer.name}  ${customer.externalId ? `ID ${customer.externalId}` : 'no external ID'}`,
      role: customer.errors.length ? 'error' : 'ok',
    });
    lines.push(...errorLines(customer.errors, width));
  }
  lines.push({ text: `Invoices and credit notes (${preview.documents.length})`, role: 'accent' });
  for (const document of preview.documents) {
    lines.push({
      text: `${mark(document.errors)} ${document.number}  ${document.date}  ${kindWord(document.kind)}  ${document.customer}  ${euros(document.totalCents * bookSign(document))}`,
      role: document.errors.length ? 'error' : 'ok',
    });
    lines.push(...errorLines(document.errors, width));
  }
  return lines;
}
