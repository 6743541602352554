// Amounts, quantities and rates as the export files write them: decimal text with a dot, never a
// float's own rendering (no `1e-7`, no `0.30000000000000004`), and money read back without floats.

/** Cents as decimal euros with two decimals and a dot: `-1234` → `-12.34`. */
export function formatEuros(cents: number): string {
  if (!Number.isInteger(cents)) throw new Error(`[booklab] formatEuros needs whole cents, got ${cents}.`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Decimal euros with two decimals (`-12.34`) back to cents; null when the text is not written that way. */
export function parseEuros(text: string): number | null {
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(text);
  if (!match) return null;
  const cents = Number(match[2]) * 100 + Number(match[3]);
  return match[1] === '-' ? -cents : cents;
}

/** A quantity as plain decimal text: `0.29`, `3`, `0.0000001` (never exponent notation). */
export function formatQuantity(quantity: number): string {
  const text = String(quantity);
  if (!text.includes('e')) return text;
  // Shift the decimal point of JavaScript's shortest rendering, so no binary noise creeps in.
  const [mantissa = '', exponent = '0'] = text.split('e');
  const sign = mantissa.startsWith('-') ? '-' : '';
  const unsigned = mantissa.replace('-', '');
  const point = (unsigned.includes('.') ? unsigned.indexOf('.') : unsigned.length) + Number(exponent);
  const digits = unsigned.replace('.', '');
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** A rate in basis points as a percentage: 2100 → `21`, 550 → `5.5`. */
export function formatPercent(basisPoints: number): string {
  return formatQuantity(basisPoints / 100);
}
