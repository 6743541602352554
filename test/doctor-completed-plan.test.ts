import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caseFromExports,
  completeRepair,
  diagnose,
  planRepair,
  World,
  type ExportsInput,
  type PlanValues,
  type RepairPlan,
  type WorldView,
} from '../core/index.js';
import { caseOfFile, type DoctorCase } from '../scenarios/doctor/doctor-case.js';
import { examine } from '../scenarios/doctor/examine.js';

// booklab's completed plan on article 002's tickets where the article's plan leaves something (issue 11): every
// booking from the moved delink date on is deleted in both journals, and a number written down that a kept booking
// still uses is said plainly. planRepair/completeRepair values are the story's literals; the proof plays them.

const EXAMPLES = new URL('../docs/examples/doctor/', import.meta.url).pathname;
const NOW = '2026-03-02T09:00:00Z';
const SETTINGS = { startDate: '2026-01-01', invoiceJournal: '70', creditNoteJournal: '71', division: 100001, now: Date.parse(NOW) };
const TODAY = { today: '2026-03-02' };

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'booklab-completed-plan-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The exports read into a case, and the view of its world the planner reads. */
async function read(input: Omit<ExportsInput, keyof typeof SETTINGS>): Promise<{ doctorCase: DoctorCase; view: WorldView }> {
  const read = await caseFromExports({ ...input, ...SETTINGS });
  if (!read.ok) throw new Error(read.problem.message);
  const world = await World.create({ transport: 'in-process', accounting: read.value.accountingOptions, clock: NOW });
  try {
    const restored = await world.restore(read.value.snapshot);
    if (!restored.ok) throw new Error(restored.problem.message);
    return { doctorCase: caseOfFile(read.value), view: await world.view() };
  } finally {
    await world.close();
  }
}

async function csv(name: string, lines: string[]): Promise<string> {
  await writeFile(join(dir, name), `${lines.join('\n')}\n`);
  return join(dir, name);
}

/** The values a support agent fills in, in the words the story uses. */
function told(values: PlanValues) {
  return {
    delinkDate: values.delinkDate,
    deleteInExact: values.deleteInExact.map((b) => `${b.journal}/${b.entryNumber}`),
    writeDown: values.writeDown.map((w) => `${w.journal}: ${w.value}`),
    nextBookingNumbers: values.nextBookingNumbers.map(
      (c) => `${c.journal}: Exact says ${c.exactWillSay}, ${c.exactWillSay === c.writtenDown ? 'as written down' : `set ${c.writtenDown}`}`,
    ),
  };
}

function plans(view: WorldView): { article: RepairPlan; completed: RepairPlan | null } {
  const found = diagnose(view);
  if (!found.ok) throw new Error(found.problem.message);
  return { article: planRepair(view, found.value, TODAY), completed: completeRepair(view, found.value, TODAY) };
}

describe("booklab's completed plan deletes every booking from the moved delink date, in both journals", () => {
  it('the Dutch example: back to 2026-02-10, so credit note 2026/1 (2026-02-12, booking 8001) goes too, and the proof holds', async () => {
    const { doctorCase, view } = await read({
      invoices: `${EXAMPLES}facturen.csv`,
      creditNotes: `${EXAMPLES}creditnotas.csv`,
      entries: `${EXAMPLES}boekingen.csv`,
      nextNumbers: `${EXAMPLES}volgnummers.csv`,
    });
    const { article, completed } = plans(view);
    expect(article.procedures.map((p) => p.id)).toEqual(['P-samenumber', 'advice']);
    expect(told(article.procedures[0]!.values)).toEqual({
      delinkDate: '2026-02-17',
      deleteInExact: ['70/1004'],
      writeDown: ['70: 1005'],
      nextBookingNumbers: ['70: Exact says 1004, set 1005'],
    });
    expect(completed?.kind).toBe('completed');
    expect(told(completed!.procedures[0]!.values)).toEqual({
      delinkDate: '2026-02-10',
      deleteInExact: ['70/1004', '71/8001'],
      writeDown: ['70: 1005', '71: 8001'],
      nextBookingNumbers: ['70: Exact says 1004, set 1005', '71: Exact says 8001, as written down'],
    });

    const examination = await examine(doctorCase);
    if (!examination.ok) throw new Error(examination.problem.message);
    expect(examination.value.article!.proof.violations.map((v) => v.invariant)).toEqual(['I1']);
    expect(examination.value.completed!.proof.holds).toBe(true);
    expect(examination.value.completed!.proof.violations).toEqual([]);
    expect(examination.value.verdict).toBe('proven');
  });

  it('a booking in the credit note journal that no Focus credit note from that date stands for is deleted too', async () => {
    const { doctorCase, view } = await read({
      invoices: await csv('orphan-invoices.csv', [
        'Number,Date,Customer,Total,Status,Booking number',
        '2026/1,2026-01-12,Brouwerij De Kroon,1210.00,Outstanding,1001',
        '2026/2,2026-02-10,Delta Logistics,605.00,Outstanding,1002',
        '2026/3,2026-02-17,Brouwerij De Kroon,1815.00,Outstanding,1002',
      ]),
      entries: await csv('orphan-entries.csv', [
        'Journal,Entry number,Date,Your ref.,Customer,Amount,Outstanding',
        '70,1001,2026-01-12,2026/1,Brouwerij De Kroon,1210.00,1210.00',
        '70,1002,2026-02-17,2026/3,Brouwerij De Kroon,1815.00,1815.00',
        '71,8001,2026-02-20,,Delta Logistics,-605.00,-605.00',
      ]),
      nextNumbers: '70=1003,71=8002',
    });
    const { completed } = plans(view);
    expect(told(completed!.procedures[0]!.values)).toEqual({
      delinkDate: '2026-02-10',
      deleteInExact: ['70/1002', '71/8001'],
      writeDown: ['70: 1003'],
      nextBookingNumbers: ['70: Exact says 1002, set 1003'],
    });
    const examination = await examine(doctorCase);
    if (!examination.ok) throw new Error(examination.problem.message);
    expect(examination.value.completed!.proof.violations).toEqual([]);
    expect(examination.value.verdict).toBe('proven');
  });
});

describe("article 002 when the bookings it deletes are not the journal's last", () => {
  // Booking 1004 of 2026/4 (10 February) was deleted in Exact, 2026/5 (17 February) got 1004 again, and 2026/6,
  // dated 14 February (between the two dates), got 1005: the article deletes from 17 February only.
  const invoices = [
    'Number,Date,Customer,Total,Status,Booking number',
    '2026/1,2026-01-12,Brouwerij De Kroon,1210.00,Paid,1001',
    '2026/2,2026-01-20,Van Dijk Installaties,544.50,Outstanding,1002',
    '2026/3,2026-02-03,Atelier Lumière,2420.00,Outstanding,1003',
    '2026/4,2026-02-10,Delta Logistics,605.00,Outstanding,1004',
    '2026/5,2026-02-17,Brouwerij De Kroon,1815.00,Outstanding,1004',
    '2026/6,2026-02-14,Atelier Lumière,302.50,Outstanding,1005',
  ];
  const entries = [
    'Journal,Entry number,Date,Your ref.,Amount,Outstanding',
    '70,1001,2026-01-12,2026/1,1210.00,0.00',
    '70,1002,2026-01-20,2026/2,544.50,544.50',
    '70,1003,2026-02-03,2026/3,2420.00,2420.00',
    '70,1004,2026-02-17,2026/5,1815.00,1815.00',
    '70,1005,2026-02-14,2026/6,302.50,302.50',
  ];

  it("the article's plan writes down 1005, still booking 1005's: said plainly, and its proof leaves I1 and I3; the completed plan holds", async () => {
    const { doctorCase, view } = await read({
      invoices: await csv('between-invoices.csv', invoices),
      entries: await csv('between-entries.csv', entries),
      nextNumbers: '70=1006,71=8001',
    });
    const { article, completed } = plans(view);
    expect(told(article.procedures[0]!.values)).toEqual({
      delinkDate: '2026-02-17',
      deleteInExact: ['70/1004'],
      writeDown: ['70: 1005'],
      nextBookingNumbers: ['70: Exact says 1006, set 1005'],
    });
    const writeDown = article.procedures[0]!.steps.find((s) => s.action.do === 'write-down')!;
    expect(writeDown.text).toContain(
      'Careful: 1005 is still in use in journal 70: booking 1005 (2026/6, 2026-02-14) in journal 70 is dated before the delink date 2026-02-17, so it is not deleted.',
    );
    expect(told(completed!.procedures[0]!.values)).toEqual({
      delinkDate: '2026-02-10',
      deleteInExact: ['70/1005', '70/1004'],
      writeDown: ['70: 1005'],
      nextBookingNumbers: ['70: Exact says 1004, set 1005'],
    });
    expect(completed!.procedures[0]!.steps.find((s) => s.action.do === 'write-down')!.text).not.toContain('Careful');

    const asRead = structuredClone(doctorCase.snapshot);
    const examination = await examine(doctorCase);
    if (!examination.ok) throw new Error(examination.problem.message);
    // Both proofs played on copies: the second copied the case again, and neither changed it.
    expect(doctorCase.snapshot).toEqual(asRead);
    expect(examination.value.article!.proof.violations.map((v) => v.invariant)).toEqual(['I1', 'I1', 'I3']);
    expect(examination.value.article!.proof.violations.at(-1)!.message).toBe(
      "Journal 70's next booking number is 1005, not above its highest booking 1005: a new booking may get a number that is in use.",
    );
    expect(examination.value.completed!.proof.holds).toBe(true);
    expect(examination.value.verdict).toBe('proven');
  });

  it('a kept booking above the number written down (2026/7 backdated to 5 February, booking 1006): the completed plan writes down 1007', async () => {
    const { doctorCase, view } = await read({
      invoices: await csv('above-invoices.csv', [...invoices, '2026/7,2026-02-05,Delta Logistics,121.00,Outstanding,1006']),
      entries: await csv('above-entries.csv', [...entries, '70,1006,2026-02-05,2026/7,121.00,121.00']),
      nextNumbers: '70=1007,71=8001',
    });
    const { completed } = plans(view);
    expect(told(completed!.procedures[0]!.values)).toEqual({
      delinkDate: '2026-02-10',
      deleteInExact: ['70/1005', '70/1004'],
      writeDown: ['70: 1007'],
      nextBookingNumbers: ['70: Exact says 1007, as written down'],
    });
    expect(completed!.procedures[0]!.values.writeDown[0]!.why).toBe(
      ', the double booking number, so one number higher; booking 1006 is kept in journal 70, so one above it',
    );
    const examination = await examine(doctorCase);
    if (!examination.ok) throw new Error(examination.problem.message);
    expect(examination.value.completed!.proof.violations).toEqual([]);
    expect(examination.value.verdict).toBe('proven');
  });
});
