import { describe, expect, it } from 'vitest';
import { parseExactEntries } from './exact-entries.js';

const FILE = 'entries.csv';

function refusal(text: string) {
  const result = parseExactEntries(text, FILE);
  if (result.ok) throw new Error('expected a refusal');
  return result.problem;
}

describe('parseExactEntries', () => {
  it("reads Exact's English export with commas", () => {
    const text = 'Journal,Entry number,Date,Your ref.,Amount\n70,1004,2026-02-17,2026/5,1815.00\n71,8001,2026-02-12,2026/1,-544.50\n';
    const result = parseExactEntries(text, FILE);
    expect(
      result.ok && result.value.map((e) => [e.journal, e.entryNumber, e.date, e.yourRef, e.amountCents, e.customer, e.outstandingCents]),
    ).toEqual([
      ['70', 1004, '2026-02-17', '2026/5', 181500, null, null],
      ['71', 8001, '2026-02-12', '2026/1', -54450, null, null],
    ]);
  });

  it("reads Exact NL's export with semicolons, a BOM, decimal commas and the optional columns", () => {
    const text =
      '\uFEFFDagboek;Boekstuknummer;Datum;Uw ref.;Relatie;Omschrijving;Bedrag;Openstaand\n70;1.004;17-02-2026;2026 / 5;Brouwerij De Kroon;"Levering; februari";1.815,00;0,00\n70;1005;18-02-2026;;;;-12,10;\n';
    const result = parseExactEntries(text, FILE);
    expect(
      result.ok &&
        result.value.map((e) => [e.entryNumber, e.date, e.yourRef, e.customer, e.description, e.amountCents, e.outstandingCents]),
    ).toEqual([
      [1004, '2026-02-17', '2026/5', 'Brouwerij De Kroon', 'Levering; februari', 181500, 0],
      [1005, '2026-02-18', null, null, null, -1210, null],
    ]);
  });

  it('refuses each kind of malformed row at its line and column', () => {
    const header = 'Dagboek;Boekstuknummer;Datum;Uw ref.;Bedrag\n';
    expect(refusal(`${header}70;1004;17-02-2026;2026/5;1.815,00\n70;1004;18-02-2026;2026/6;1,00\n`)).toMatchObject({
      code: 'duplicate-entry',
      file: FILE,
      line: 3,
      column: 2,
    });
    expect(refusal(`${header}70;10a4;17-02-2026;2026/5;1,00\n`)).toMatchObject({ code: 'bad-number', line: 2, column: 2 });
    expect(refusal(`${header}70;1004;2026-02-30;2026/5;1,00\n`)).toMatchObject({ code: 'bad-date', line: 2, column: 3 });
    expect(refusal(`${header}70;1004;17-02-2026;2026/5;veel\n`)).toMatchObject({ code: 'bad-amount', line: 2, column: 5 });
    expect(refusal(`${header}70;1004;17-02-2026;2026/5\n`)).toMatchObject({ code: 'field-count', line: 2, column: 5 });
    expect(refusal(`${header};1004;17-02-2026;2026/5;1,00\n`)).toMatchObject({ code: 'unknown-journal', line: 2, column: 1 });
    expect(refusal('Dagboek;Boekstuknummer;Datum;Bedrag\n')).toMatchObject({ code: 'missing-column', line: 1, column: 5 });
    const problem = refusal('Dagboek;Boekstuknummer;Datum;Uw referentie nr;Bedrag\n');
    expect(problem).toMatchObject({ code: 'unknown-header', line: 1, column: 4 });
    expect(problem.message).toContain('entries.csv:1:4:');
  });
});
