import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerAccountsCommand } from '../bin/ledger-accounts-command.js';
import { Focus, type LineInput } from '../core/index.js';
import { createClock } from '../mock-accounting/index.js';
import { caseText, freshCopy, runAccountCommand, saveFocusCase, savedFocus } from './support/account-cli.js';
import { killLeftoverChildren, runCli } from './support/cli.js';
import { bookDocument } from './support/export-fixture.js';

// `booklab ledger-accounts` (R21): in-process against a case without ledger accounts, once as a real child process.

let dir: string;
let base: string;

const line = (description: string, vatRateBp: number, extra: Partial<LineInput> = {}): LineInput => ({
  description,
  quantity: 1,
  unitPriceCents: 10_000,
  vatRateBp,
  ...extra,
});

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'booklab-ledger-'));
  base = join(dir, 'base.json');
  // No ledger accounts yet: invoice 1 has lines without an account (one with a discount), invoice 2 an account not in the list.
  const focus = new Focus(createClock({ start: '2026-03-02T09:00:00Z', frozen: true }));
  const companyId = focus.addCompany({ name: 'Brouwerij De Kroon', externalId: '1001' }).id;
  bookDocument(focus, companyId, '2026-01-14', [line('Consultancy', 2100), line('Glasses', 600, { discountBp: 1000 })]);
  bookDocument(focus, companyId, '2026-01-28', [line('Transport', 2100, { ledgerAccount: '799999' })]);
  await saveFocusCase(focus, base);
});
afterAll(async () => {
  await killLeftoverChildren();
  await rm(dir, { recursive: true, force: true });
});

/** A case of its own for one test. */
const freshCase = () => freshCopy(base);

const ledger = (args: string[]) => runAccountCommand(ledgerAccountsCommand, args);
const ledgerOf = async (path: string) => (await savedFocus(path)).bookkeepingExport.ledger;
/** The ledger accounts on the lines of the saved document with this number. */
const accountsOn = async (path: string, number: string) =>
  Object.values((await savedFocus(path)).documents)
    .find((d) => d.number === number)
    ?.lines.map((l) => l.ledgerAccount);

/** Runs changes that Focus must accept; a refusal fails the test with what was printed. */
async function accepted(path: string, ...commands: string[][]): Promise<void> {
  for (const args of commands) {
    const run = await ledger([...args, '--case', path]);
    expect(run.code, `${args.join(' ')}: ${run.out}${run.err}`).toBe(0);
  }
}

describe('booklab ledger-accounts list and check', () => {
  it("R21: list shows the demo account's accounts, the discount account and the suggestion per VAT rate", async () => {
    const run = await ledger(['list']);
    expect(run.code, run.out).toBe(0);
    expect(run.out).toMatch(/700000 +Sales of services +suggested at 0 %, 6 %, 21 %/);
    expect(run.out).toMatch(/708000 +Discounts granted +discount account/);
    expect(run.out).toContain('Auto-suggest: 0 % → 700000, 6 % → 700000, 12 % → 700100, 21 % → 700000');
  });

  it('R21: a case without accounts says how to create one', async () => {
    const run = await ledger(['list', '--case', base]);
    expect(run.out).toContain(
      'No ledger accounts yet: create one with `booklab ledger-accounts create 700000 Sales of services --case FILE`.',
    );
  });

  it('R21: check lists the problems per booked document and exits 1; on the demo account it finds none', async () => {
    const run = await ledger(['check', '--case', base]);
    expect(run.code).toBe(1);
    expect(run.out).toContain('✗ Invoice 2026/1  Brouwerij De Kroon\n    Unspecified ledger account on lines 1, 2 of invoice 2026/1');
    expect(run.out).toContain('    Missing ledger account for commercial discounts: line 2 of invoice 2026/1 has a discount.');
    expect(run.out).toContain('✗ Invoice 2026/2  Brouwerij De Kroon\n    Ledger account 799999 on line 1 of invoice 2026/2 does not exist');
    expect(run.out).toContain('2 of 2 booked documents have ledger-account problems');
    const demo = await ledger(['check']);
    expect(demo.code, demo.out).toBe(0);
    expect(demo.out).toContain('✓ 6 booked documents: every line has an existing ledger account');
  });
});

describe('booklab ledger-accounts changes', () => {
  it('R21: create saves the account; a duplicate, a bad code, a non-admin or an unknown user is refused and nothing is saved', async () => {
    const path = await freshCase();
    const created = await ledger(['create', '700000', 'Sales', 'of', 'services', '--case', path]);
    expect(created.out).toContain('Created ledger account 700000 Sales of services.');
    expect((await ledgerOf(path)).accounts['700000']).toEqual({ code: '700000', description: 'Sales of services' });
    const before = await caseText(path);
    const duplicate = await ledger(['create', '700000', 'Again', '--case', path]);
    expect(duplicate.code).toBe(1);
    expect(duplicate.out).toContain('Ledger account 700000 already exists.');
    expect((await ledger(['create', '70A', 'Letters', '--case', path])).out).toContain(
      'Ledger account "70A" is not valid: use digits only',
    );
    expect((await ledger(['create', '700100', 'Goods', '--case', path, '--user', 'sales'])).out).toContain(
      'Only an admin can change the ledger accounts.',
    );
    const nobody = await ledger(['create', '700100', 'Goods', '--case', path, '--user', 'nobody']);
    expect(nobody.code).toBe(1);
    expect(nobody.out).toContain('No user with id nobody. Users of this account: admin, sales.');
    expect(await caseText(path)).toBe(before);
  });

  it('R21: discount sets and "-" clears the discount account; an account not in the list is refused', async () => {
    const path = await freshCase();
    await accepted(path, ['create', '708000', 'Discounts granted']);
    const before = await caseText(path);
    const unknown = await ledger(['discount', '709000', '--case', path]);
    expect(unknown.code).toBe(1);
    expect(unknown.out).toContain('Ledger account 709000 does not exist. Create it under Settings > Revenue > Ledger accounts first.');
    expect(await caseText(path)).toBe(before);
    await accepted(path, ['discount', '708000']);
    expect((await ledgerOf(path)).discountAccount).toBe('708000');
    const cleared = await ledger(['discount', '-', '--case', path]);
    expect(cleared.out).toContain('Discount account: none.');
    expect((await ledgerOf(path)).discountAccount).toBeNull();
  });

  it('R21: suggest takes the VAT rate in percent, "-" removes it, and an unknown account is refused', async () => {
    const path = await freshCase();
    await accepted(path, ['create', '700000', 'Sales']);
    expect((await ledger(['suggest', '5.5', '700000', '--case', path])).out).toContain('Lines at 5.5 % VAT are suggested account 700000.');
    await accepted(path, ['suggest', '21', '700000']);
    expect((await ledgerOf(path)).autoSuggest).toEqual({ '550': '700000', '2100': '700000' });
    await accepted(path, ['suggest', '5.5', '-']);
    expect((await ledgerOf(path)).autoSuggest).toEqual({ '2100': '700000' });
    const before = await caseText(path);
    expect((await ledger(['suggest', '6', '700100', '--case', path])).out).toContain('Ledger account 700100 does not exist.');
    expect((await ledger(['suggest', '6', '700000', '--case', path, '--user', 'sales'])).code).toBe(1);
    expect(await caseText(path)).toBe(before);
  });

  it('R21: apply sets the suggestion on lines without an account, --overwrite on all; then check is clean', async () => {
    const path = await freshCase();
    const before = await caseText(path);
    const nothing = await ledger(['apply', '--case', path]);
    expect(nothing.code).toBe(1);
    expect(nothing.out).toContain('No account is suggested for any VAT rate yet');
    expect(await caseText(path)).toBe(before);
    await accepted(
      path,
      ['create', '700000', 'Services'],
      ['create', '700100', 'Goods'],
      ['create', '708000', 'Discounts'],
      ['suggest', '21', '700000'],
      ['suggest', '6', '700100'],
    );
    expect((await ledger(['apply', '--case', path, '--user', 'sales'])).out).toContain(
      'Only an admin can change the ledger accounts of existing invoices.',
    );
    const unsaved = await ledger(['apply', '--case', path, '--no-save']);
    expect(unsaved.out).toContain('Applied the suggested accounts to 2 lines on 1 document: Invoice 2026/1');
    expect(await accountsOn(path, '2026/1')).toEqual([null, null]);
    await accepted(path, ['apply']);
    expect(await accountsOn(path, '2026/1')).toEqual(['700000', '700100']);
    expect(await accountsOn(path, '2026/2')).toEqual(['799999']);
    const overwrite = await ledger(['apply', '--overwrite', '--case', path]);
    expect(overwrite.out).toContain('Applied the suggested accounts to 1 line on 1 document: Invoice 2026/2');
    expect(await accountsOn(path, '2026/2')).toEqual(['700000']);
    expect((await ledger(['apply', '--case', path])).out).toContain('No line changed');
    expect((await ledger(['check', '--case', path])).out).toContain('Missing ledger account for commercial discounts');
    await accepted(path, ['discount', '708000']);
    const clean = await ledger(['check', '--case', path]);
    expect(clean.code, clean.out).toBe(0);
  });
});

describe('booklab ledger-accounts usage errors', () => {
  it.each([['create', '700000', 'Sales'], ['discount', '708000'], ['suggest', '21', '700000'], ['apply']])(
    'R21: %s without --case is a usage error: there is nothing to save the change in',
    async (...args) => {
      const run = await ledger(args);
      expect(run.code).toBe(2);
      expect(run.err).toContain('without --case there is no case file to save the change in');
    },
  );

  it('R21: a VAT rate that is not a percentage between 0 and 100 is a usage error', async () => {
    for (const rate of ['150', 'abc', '21%']) {
      const run = await ledger(['suggest', rate, '700000', '--case', base]);
      expect(run.code, rate).toBe(2);
      expect(run.err).toContain('give the VAT rate in percent between 0 and 100');
    }
  });
});

describe('the real booklab ledger-accounts', () => {
  it('R21: check exits 1 on problems, and a bad VAT rate exits 2', { timeout: 60_000 }, async () => {
    const check = await runCli(['ledger-accounts', 'check', '--case', base]);
    expect(check.code, check.stderr).toBe(1);
    expect(check.stdout).toContain('2 of 2 booked documents have ledger-account problems');
    const usage = await runCli(['ledger-accounts', 'suggest', '150', '700000', '--case', base]);
    expect(usage.code).toBe(2);
  });
});
