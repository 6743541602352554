import { createHash } from 'node:crypto';

/**
 * The n-th GUID of a state. Ids come from a counter in the state rather than randomness, so the same
 * steps give the same ids on every run (scenarios compare snapshots and case files).
 */
export function guidFor(n: number): string {
  const hex = createHash('sha1').update(`booklab:${n}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
