import type { Cell } from './csv-table.js';
import { problemAt, type InputProblem } from './problems.js';

/** A refusal of one cell's value, at its file, line and column. */
export function badCell(code: InputProblem['code'], cell: Cell, message: string) {
  return problemAt(code, cell, message);
}

/** Why a date is refused, with the forms that are accepted. */
export function badDate(text: string): string {
  return `"${text}" is not a date. Write it as 2026-03-02 or 02-03-2026 (day first, as Focus and Exact export in Belgium and the Netherlands).`;
}

/** Why an amount is refused, with the forms that are accepted. */
export function badAmount(text: string): string {
  return `"${text}" is not an amount. Write it like 1.234,56 or -544,50 (decimal comma) or 1234.56, with at most two decimals.`;
}
