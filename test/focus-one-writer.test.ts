import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Focus's state has one writer, core/focus: the rest of core reads `focus.state` and asks Focus's methods (for the
// integration `focus.integration`, for the export `focus.bookkeepingExport`) to change it. This scan finds the writes a
// reader would recognise: assignments and deletes through `focus.state`, array changes through it, deletes from its
// records, and assignments to the fields those methods record.

/** Fields of Focus's state that core records through `focus.integration` and `focus.bookkeepingExport`. */
const RECORDED_FIELDS = [
  'bookingNumber|link|editedAfterSync|paymentStatus|paidCents|accountingId|accountingCode|tokens|lastNightlyRun|delinkDate',
  'externalId|undone|balanceCents|manuallyEditable|discountAccount|startValue',
].join('|');
const PATH = String.raw`(?:\.[\w$]+|\[[^\]]+\]|!|\?)*`;
const WRITES = [
  new RegExp(String.raw`\bfocus\.state${PATH}\s*(?:[-+*/]?=(?!=))`),
  new RegExp(String.raw`\bdelete\s+[\w.]*focus\.state`),
  /\bdelete\s+[\w.]*\.(?:companies|contacts|documents|autoSuggest|charged)\[/,
  new RegExp(String.raw`\bfocus\.state${PATH}\.(?:push|splice|unshift|pop|shift|sort|reverse)\(`),
  new RegExp(String.raw`\.(?:${RECORDED_FIELDS})\s*[-+]?=(?!=)`),
  /Object\.assign\((?:document|company|contact|integration|d)\b/,
];

/** Files that write a Focus state no Focus holds yet: doctor-input builds a plain state for a case from the user's files. */
const BUILDS_A_STATE = new Set(['core/doctor-input/case-from-api.ts']);

function sources(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** `file:line: code` for every line of core outside core/focus that writes into Focus's state. */
function writesOutsideFocus(): string[] {
  return sources('core')
    .filter((file) => !file.startsWith(join('core', 'focus')) && !BUILDS_A_STATE.has(file.split('\\').join('/')))
    .flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) => (WRITES.some((write) => write.test(line)) ? [`${file}:${index + 1}: ${line.trim()}`] : [])),
    );
}

describe("Focus's state has one writer (issue 17)", () => {
  it('nothing in core outside core/focus writes into Focus state (besides builders of a plain case state)', () => {
    expect(writesOutsideFocus()).toEqual([]);
  });

  it('the scan recognises the writes it guards against', () => {
    const caught = (line: string) => WRITES.some((write) => write.test(line));
    expect(
      [
        'document.bookingNumber = entry.value.EntryNumber;',
        'ctx.focus.state.integration!.active = true;',
        'focus.state.bell.notifications.push(notification);',
        'delete ctx.focus.state.documents[id];',
        'delete ledger.autoSuggest[String(vatRateBp)];',
        'wallet.balanceCents += cents;',
        'Object.assign(document, { link: null, bookingNumber: null });',
      ].map(caught),
    ).toEqual([true, true, true, true, true, true, true]);
    expect(['if (document.bookingNumber === null) continue;', 'const { settings } = ctx.focus.state.integration!;'].map(caught)).toEqual([
      false,
      false,
    ]);
  });
});
