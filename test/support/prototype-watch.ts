import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

/** A handler that carries the prototypes its requests and responses should be made of, as the mock's does. */
export type PrototypedHandler = RequestListener & { request: object; response: object };

/**
 * `handler` behind one that carries the same prototypes and records, for each request, whether its request and its
 * response came made of them already (two booleans a request).
 */
export function watchPrototypes(handler: RequestListener): { watched: PrototypedHandler; seen: boolean[] } {
  const app = handler as PrototypedHandler;
  const seen: boolean[] = [];
  const watched = Object.assign(
    (req: IncomingMessage, res: ServerResponse) => {
      seen.push(Object.getPrototypeOf(req) === app.request, Object.getPrototypeOf(res) === app.response);
      app(req, res);
    },
    { request: app.request, response: app.response },
  );
  return { watched, seen };
}
