import { isoDate, toEpochMs } from '../../../primitives/index.js';
import { centsToAmount, parseAmountInput } from '../../odata/edm.js';
import type { SalesEntry, SalesEntryLine } from '../../store/index.js';
import type { SalesEntryLineInput } from '../../domain/sales-entries.js';
import { addSalesEntryLine, deleteSalesEntryLine } from '../../domain/sales-entry-lines.js';
import { fail } from '../../domain/result.js';
import { findVATCode } from '../../domain/lookups.js';
import { defineEntitySet, field, type Body } from '../entity-set.js';
import { inDivision } from './reference-data.js';
import { SALES_ENTRY_LINE_UNKEPT_FIELDS } from './unkept-fields.js';

/** A line together with the booking it belongs to. */
export interface LineOfEntry {
  entry: SalesEntry;
  line: SalesEntryLine;
}

/** A text property of a body: absent stays undefined, null clears. */
export const text = (value: unknown) => (value === undefined ? undefined : (value as string | null));

/** A line of a body, as the domain takes it (POST of a line, or the lines inline in a POST of an entry). */
export function lineInput(body: Body): SalesEntryLineInput {
  return {
    glAccount: typeof body.GLAccount === 'string' ? { id: body.GLAccount } : undefined,
    amountCents: parseAmountInput(body.AmountFC),
    vatCode: typeof body.VATCode === 'string' ? body.VATCode : undefined,
    vatAmountCents: parseAmountInput(body.VATAmountFC),
    description: text(body.Description),
    quantity: typeof body.Quantity === 'number' ? body.Quantity : undefined,
    costCenter: text(body.CostCenter),
    costUnit: text(body.CostUnit),
    from: typeof body.From === 'number' ? isoDate(body.From) : undefined,
    to: typeof body.To === 'number' ? isoDate(body.To) : undefined,
    project: text(body.Project),
  };
}

/** salesentry/SalesEntryLines: the lines of all bookings, each with its EntryID. */
export const salesEntryLines = defineEntitySet<LineOfEntry>({
  path: 'salesentry/SalesEntryLines',
  typeName: 'SalesEntryLine',
  key: 'ID',
  fields: {
    ID: field('Guid', 'r'),
    EntryID: field('Guid'),
    LineNumber: field('Int32', 'r'),
    Description: field('String'),
    Quantity: field('Double'),
    GLAccount: field('Guid'),
    GLAccountCode: field('String', 'c'),
    GLAccountDescription: field('String', 'c'),
    AmountFC: field('Double'),
    AmountDC: field('Double', 'c'),
    VATCode: field('String'),
    VATPercentage: field('Double', 'r'),
    VATAmountFC: field('Double'),
    VATAmountDC: field('Double', 'c'),
    VATBaseAmountDC: field('Double', 'c'),
    VATBaseAmountFC: field('Double', 'c'),
    CostCenter: field('String'),
    CostUnit: field('String'),
    From: field('DateTime'),
    To: field('DateTime'),
    Project: field('Guid'),
    Type: field('Int32', 'r'),
    Division: field('Int32', 'r'),
    VATCodeDescription: field('String', 'c'),
    ...SALES_ENTRY_LINE_UNKEPT_FIELDS,
  },
  list: (ctx) => ctx.ledger.divisions.of('salesEntries', ctx.division).flatMap((entry) => entry.lines.map((line) => ({ entry, line }))),
  get(ctx, key) {
    for (const entry of ctx.ledger.divisions.of('salesEntries', ctx.division)) {
      const line = entry.lines.find((l) => l.id === key);
      if (line) return { entry, line };
    }
    return undefined;
  },
  keyOf: ({ line }) => line.id,
  toRow({ entry, line }, ctx) {
    const glAccount = ctx.ledger.store.state.glAccounts[line.glAccountId];
    return {
      ID: line.id,
      EntryID: entry.id,
      LineNumber: line.lineNumber,
      Description: line.description,
      Quantity: line.quantity,
      GLAccount: line.glAccountId,
      GLAccountCode: glAccount?.code ?? null,
      GLAccountDescription: glAccount?.description ?? null,
      AmountFC: centsToAmount(line.amountCents),
      AmountDC: centsToAmount(line.amountCents),
      VATCode: line.vatCode,
      VATPercentage: line.vatRateBp / 10_000,
      VATAmountFC: centsToAmount(line.vatAmountCents),
      VATAmountDC: centsToAmount(line.vatAmountCents),
      VATBaseAmountDC: centsToAmount(line.amountCents),
      VATBaseAmountFC: centsToAmount(line.amountCents),
      CostCenter: line.costCenter,
      CostUnit: line.costUnit,
      From: line.from ? toEpochMs(line.from) : null,
      To: line.to ? toEpochMs(line.to) : null,
      Project: line.project ?? null,
      Type: entry.type,
      Division: entry.division,
      VATCodeDescription: line.vatCode ? (findVATCode(ctx.ledger.store.state, entry.division, line.vatCode)?.description ?? null) : null,
    };
  },
  async create(ctx, body) {
    const entry =
      typeof body.EntryID === 'string' ? inDivision(ctx.ledger.store.state.salesEntries[body.EntryID], ctx.division) : undefined;
    if (!entry) return fail(body.EntryID ? { code: 'invalid_reference', field: 'lines' } : { code: 'mandatory', fields: ['lines'] });
    const result = await ctx.ledger.store.attempt((tx) => addSalesEntryLine(tx, ctx.ledger, entry, lineInput(body)));
    if (!result.ok) return result;
    const updated = ctx.ledger.store.state.salesEntries[entry.id]!;
    return { ok: true, value: { entry: updated, line: result.value } };
  },
  remove: (ctx, { entry, line }) => ctx.ledger.store.attempt((tx) => deleteSalesEntryLine(tx, ctx.ledger, entry, line.id, ctx.user.id)),
});
