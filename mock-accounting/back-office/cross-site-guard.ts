import type { RequestHandler } from 'express';

/** Methods that change nothing, which any page may send (it cannot read the answer without CORS, which is never granted). */
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Keeps web pages from changing the back office's state (cross-site request forgery): a change must come
 * without an Origin (a program: curl, a test, booklab's own client) or from the server's own origin, and must
 * be JSON, which a page cannot send elsewhere without a CORS preflight that is never granted. A DELETE may
 * come without a body; a page cannot send a DELETE elsewhere without a preflight either.
 */
export function crossSiteGuard(): RequestHandler {
  return function refuseCrossSite(req, res, next) {
    if (READS.has(req.method)) return next();
    const origin = req.get('origin');
    if (origin !== undefined && !isOwnOrigin(origin, req.get('host'))) {
      res.status(403).json({
        error: {
          code: 'forbidden_origin',
          message: `The back office takes no changes from the web page at ${origin}: a page the browser shows must not reset or change the mock. Send the request from a program (without an Origin header).`,
        },
      });
      return;
    }
    const length = req.headers['content-length'];
    const bodiless = req.method === 'DELETE' && (length === undefined || length === '0') && req.headers['transfer-encoding'] === undefined;
    if (!bodiless && !/^application\/json\s*(;|$)/i.test(req.get('content-type') ?? '')) {
      res.status(415).json({
        error: {
          code: 'unsupported_media_type',
          message: `The back office takes changes as JSON only, not ${req.get('content-type') ?? 'a body without a Content-Type'}: send Content-Type: application/json (with {} when there is nothing to say).`,
        },
      });
      return;
    }
    next();
  };
}

/** True when `origin` is the origin the request was sent to (same scheme-less host and port). */
function isOwnOrigin(origin: string, host: string | undefined): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && host !== undefined && url.host === host.toLowerCase();
  } catch {
    return false; // "null" (a sandboxed page, a file) and anything unreadable
  }
}
