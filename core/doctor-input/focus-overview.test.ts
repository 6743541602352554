import { describe, expect, it } from 'vitest';
import { parseFocusOverview } from './focus-overview.js';

const FILE = 'invoices.csv';

/** Parses an overview and returns its problem (the test expects a refusal). */
function refusal(text: string) {
  const result = parseFocusOverview(text, FILE, 'invoice');
  if (result.ok) throw new Error('expected a refusal');
  return result.problem;
}

describe('parseFocusOverview: what support receives', () => {
  it('reads the English overview with commas and a quoted decimal-comma amount', () => {
    const text =
      'Number,Date,Customer,Total,Status,Booking number\n2026/4,2026-02-10,Delta Logistics,"605,00",Outstanding,1004\n2026/5,2026-02-17,"Brouwerij De Kroon, Gent",1815.00,Paid,1004\n';
    const result = parseFocusOverview(text, FILE, 'invoice');
    expect(
      result.ok &&
        result.value.map((r) => [
          r.number,
          r.date,
          r.customer,
          r.totalCents,
          r.status,
          r.paymentStatus,
          r.paidCents,
          r.bookingNumber,
          r.line,
        ]),
    ).toEqual([
      ['2026/4', '2026-02-10', 'Delta Logistics', 60500, 'booked', 'unpaid', 0, 1004, 2],
      ['2026/5', '2026-02-17', 'Brouwerij De Kroon, Gent', 181500, 'booked', 'paid', 181500, 1004, 3],
    ]);
  });

  it('reads the Dutch overview with semicolons, a BOM, day-first dates and decimal commas', () => {
    const text =
      '\uFEFFFactuurnummer;Datum;Klant;Totaal incl. btw;Status;Boekstuknummer\r\n2026/1;12-01-2026;Atelier Lumière;1.210,00;Betaald;1001\r\n;24-02-2026;Delta Logistics;302,50;Concept;\r\n';
    const result = parseFocusOverview(text, FILE, 'invoice');
    expect(
      result.ok && result.value.map((r) => [r.number, r.date, r.customer, r.totalCents, r.status, r.paymentStatus, r.bookingNumber]),
    ).toEqual([
      ['2026/1', '2026-01-12', 'Atelier Lumière', 121000, 'booked', 'paid', 1001],
      [null, '2026-02-24', 'Delta Logistics', 30250, 'draft', 'unpaid', null],
    ]);
  });

  it('reads a BOM before a quoted first header', () => {
    const text = '\uFEFF"Number";"Date";"Customer";"Total";"Status";"Booking number"\n"2026/1";"2026-01-12";"X";"1,00";"Paid";"1001"\n';
    const result = parseFocusOverview(text, FILE, 'invoice');
    expect(result.ok && result.value.map((r) => [r.number, r.totalCents])).toEqual([['2026/1', 100]]);
  });

  it('reads credit notes as positive totals, whatever sign the overview shows, and columns in any order', () => {
    const text = 'Boekstuknummer;Status;Creditnotanummer;Klant;Datum;Bedrag\n8001;Openstaand;2026/1;Van Dijk;12-02-2026;-544,50\n';
    const result = parseFocusOverview(text, 'credit-notes.csv', 'credit_note');
    expect(result.ok && result.value.map((r) => [r.kind, r.number, r.totalCents, r.bookingNumber])).toEqual([
      ['credit_note', '2026/1', 54450, 8001],
    ]);
  });

  it('reads a quoted field spanning two lines and counts the lines after it', () => {
    const text =
      'Number,Date,Customer,Total,Status,Booking number\n2026/1,2026-01-12,"De Kroon\nBrouwerij",10.00,Paid,1001\n2026/2,2026-01-13,X,ten,Paid,1002\n';
    expect(refusal(text)).toMatchObject({ code: 'bad-amount', line: 4, column: 4 });
  });

  it('reads a partially paid document with the paid amount when the overview has the column', () => {
    const text = 'Number;Date;Customer;Total;Status;Booking number;Paid\n2026/1;2026-01-12;X;100,00;Partially paid;1001;40,00\n';
    const result = parseFocusOverview(text, FILE, 'invoice');
    expect(result.ok && result.value[0]).toMatchObject({ paymentStatus: 'partially_paid', paidCents: 4000 });
  });
});

describe('parseFocusOverview: a malformed file is refused with its file, line and column', () => {
  it('names a misspelt header and the column it lacks', () => {
    const problem = refusal('Number;Date;Customer;Total;Status;Boekstuknumer\n2026/1;2026-01-12;X;1,00;Paid;1001\n');
    expect(problem).toMatchObject({ code: 'unknown-header', file: FILE, line: 1, column: 6 });
    expect(problem.message).toContain('invoices.csv:1:6: "Boekstuknumer" is not a column');
    expect(problem.message).toContain('"Booking number" / "Boekstuknummer" / "Boekingsnummer"');
  });

  it('names a missing column', () => {
    const problem = refusal('Number;Date;Customer;Total;Status\n2026/1;2026-01-12;X;1,00;Paid\n');
    expect(problem).toMatchObject({ code: 'missing-column', file: FILE, line: 1, column: 6 });
    expect(problem.message).toContain('no column "Booking number"');
  });

  it('refuses a column given twice', () => {
    expect(refusal('Number;Date;Datum;Customer;Total;Status;Booking number\n')).toMatchObject({
      code: 'duplicate-header',
      line: 1,
      column: 3,
    });
  });

  it('refuses a date that does not exist', () => {
    const problem = refusal(
      'Number;Date;Customer;Total;Status;Booking number\n2026/1;2026-01-12;X;1,00;Paid;1001\n2026/2;31-02-2026;X;1,00;Paid;1002\n',
    );
    expect(problem).toMatchObject({ code: 'bad-date', file: FILE, line: 3, column: 2 });
    expect(problem.message).toBe(
      'invoices.csv:3:2: "31-02-2026" is not a date. Write it as 2026-03-02 or 02-03-2026 (day first, as Focus and Exact export in Belgium and the Netherlands).',
    );
  });

  it('refuses an amount that is not one', () => {
    expect(refusal('Number;Date;Customer;Total;Status;Booking number\n2026/1;2026-01-12;X;12,345,6;Paid;1001\n')).toMatchObject({
      code: 'bad-amount',
      line: 2,
      column: 4,
    });
  });

  it('refuses a row with the wrong number of fields: an unquoted decimal comma in a comma file', () => {
    const problem = refusal('Number,Date,Customer,Total,Status,Booking number\n2026/1,2026-01-12,X,605,00,Paid,1001\n');
    expect(problem).toMatchObject({ code: 'field-count', file: FILE, line: 2, column: 7 });
    expect(problem.message).toContain('This row has 7 fields but the header has 6');
  });

  it('refuses an unclosed quote', () => {
    expect(refusal('Number;Date;Customer;Total;Status;Booking number\n2026/1;2026-01-12;"X;1,00;Paid;1001\n')).toMatchObject({
      code: 'malformed-csv',
      file: FILE,
    });
  });

  it('refuses a stray quote inside a field, at its line and column', () => {
    expect(refusal('Number;Date;Customer;Total;Status;Booking number\n2026/1;2026-01-12;De "Kroon";1,00;Paid;1001\n')).toMatchObject({
      code: 'malformed-csv',
      line: 2,
      column: 3,
    });
  });

  it('refuses an unknown status, a booking number with letters and a booked row without a number', () => {
    const header = 'Number;Date;Customer;Total;Status;Booking number\n';
    expect(refusal(`${header}2026/1;2026-01-12;X;1,00;Gecrediteerd;1001\n`)).toMatchObject({ code: 'bad-status', line: 2, column: 5 });
    expect(refusal(`${header}2026/1;2026-01-12;X;1,00;Paid;F-1001\n`)).toMatchObject({ code: 'bad-number', line: 2, column: 6 });
    expect(refusal(`${header};2026-01-12;X;1,00;Paid;1001\n`)).toMatchObject({ code: 'bad-number', line: 2, column: 1 });
  });

  it('refuses an empty file', () => {
    expect(refusal('\uFEFF\n')).toMatchObject({ code: 'empty-file', line: 1, column: 1 });
  });
});
