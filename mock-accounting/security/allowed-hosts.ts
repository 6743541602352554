import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { Request, RequestHandler } from 'express';
import { errorEnvelope } from '../api/respond.js';

/** The names every server answers to: loopback, which a web page elsewhere cannot take over. */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** How many distinct Host headers are remembered as served: a few names and ports in practice. */
const MAX_SERVED_HEADERS = 64;

/** The names a server bound to `host` is reached by: that host, and for a wildcard bind every address of this machine. */
export function boundHostNames(host: string): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [host];
  return [host, ...Object.values(networkInterfaces()).flatMap((addresses) => (addresses ?? []).map((a) => a.address))];
}

/** A host as the Host header carries it, lower case, without a port: `[::1]`, `127.0.0.1`, `booklab.test`. */
function hostName(host: string): string {
  const name = host.trim().toLowerCase();
  return isIP(name) === 6 ? `[${name}]` : name;
}

/** The host name of a Host header (`name:port` or `[v6]:port`), or undefined when it has none. */
function hostOfHeader(header: string | undefined): string | undefined {
  const match = /^(\[[^\]]*\]|[^:]*)(?::\d*)?$/.exec(header?.trim().toLowerCase() ?? '');
  return match?.[1] ? match[1].replace(/\.$/, '') : undefined;
}

/** The names one server answers to, and the Host headers already found served (a client sends the same one each time). */
export interface HostCheck {
  names: ReadonlySet<string>;
  served: Set<string>;
}

/** What a server answers to: loopback and `allowed` (the bound host, names given with `--allow-host`). */
export function hostCheck(allowed: readonly string[]): HostCheck {
  return { names: new Set([...LOOPBACK_NAMES, ...allowed].map(hostName)), served: new Set() };
}

/**
 * Answers only requests whose Host is a name their server serves (its {@link HostCheck}, which `hostsOf` finds). Any
 * other is what a DNS-rebinding page sends (its own name, resolved to this machine), so it gets 403 with what to do:
 * in the back office's error shape under `/__mock`, else in Exact's envelope.
 */
export function refuseForeignHosts(hostsOf: (req: Request) => HostCheck): RequestHandler {
  return function checkHost(req, res, next) {
    const { names, served } = hostsOf(req);
    const header = req.headers.host;
    if (header !== undefined && served.has(header)) return next();
    const host = hostOfHeader(header);
    if (host !== undefined && names.has(host)) {
      if (header !== undefined && served.size < MAX_SERVED_HEADERS) served.add(header);
      return next();
    }
    const message =
      host === undefined
        ? `A request without a valid Host header is not served. booklab answers to ${[...names].join(', ')}.`
        : `The host name ${host} is not served here: booklab answers to ${[...names].join(', ')}. Start it with --allow-host ${host} to use this name.`;
    res.status(403);
    if (req.path.startsWith('/__mock')) res.json({ error: { code: 'forbidden_host', message } });
    else res.json(errorEnvelope(message));
  };
}
