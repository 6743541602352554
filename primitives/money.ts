/** Rounds half away from zero, as bookkeeping does (2.5 → 3, -2.5 → -3). */
export function roundHalfAwayFromZero(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}

/** VAT on a net line amount: cents × rate (basis points), rounded per line. */
export function vatCents(netCents: number, rateBp: number): number {
  return roundHalfAwayFromZero((netCents * rateBp) / 10_000);
}
