import { isIP } from 'node:net';

/** True for an address only this machine can reach: 127.0.0.0/8, ::1, localhost. */
export function isLoopback(host: string): boolean {
  const name = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (name === 'localhost' || name === '::1') return true;
  return isIP(name) === 4 && name.startsWith('127.');
}

/**
 * The warning `booklab serve` prints before it binds where other machines can reach it: what anyone there can
 * do without signing in. Undefined for a loopback bind.
 */
export function exposureWarning(host: string): string | undefined {
  if (isLoopback(host)) return undefined;
  return [
    `[booklab] Warning: binding to ${host}, where other machines can reach this server, and nothing on it asks who they are:`,
    '  - the back office (/__mock) hands out the whole state, the app secret and every token included, and lets anyone reset it, restore it, move its clock, expire tokens and inject faults;',
    '  - the OAuth consent (/api/oauth2/auth) approves every request at once, as the demo user.',
    '  Bind to 127.0.0.1 (the default) unless that is what you want.',
  ].join('\n');
}
