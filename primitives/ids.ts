import { createHash } from 'node:crypto';

/**
 * The n-th GUID of a state. Ids come from a counter in the state rather than randomness, so the same
 * steps give the same ids on every run (scenarios compare snapshots and case files).
 */
export function guidFor(n: number): string {
  if (n >= 0 && n < KEPT_GUIDS) return (kept[n] ??= makeGuid(n));
  return makeGuid(n);
}

/**
 * How many of the first GUIDs are kept once made: every world makes the same first ones (its master data, its first
 * bookings), and a catalogue run makes 56 worlds; a SHA-1 each cost about 1 % of that run (issue 16).
 */
const KEPT_GUIDS = 4096;
const kept: string[] = [];

function makeGuid(n: number): string {
  const hex = createHash('sha1').update(`booklab:${n}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
