import { IncomingMessage, ServerResponse } from 'node:http';

/** A request handler that may carry the prototypes its requests and responses should be made of (as an Express app does). */
export interface HttpPrototypes {
  request?: unknown;
  response?: unknown;
}

/** The classes a server (`http.createServer`'s options) or an in-process transport makes requests and responses with. */
export interface HttpClasses {
  IncomingMessage: typeof IncomingMessage;
  ServerResponse: typeof ServerResponse;
}

/**
 * Node's IncomingMessage and ServerResponse, made of the handler's own prototypes when it carries them (an Express
 * app's `app.request` and `app.response`). Express sets its prototypes on every request and response it takes: on an
 * object made by Node's class that changes its shape, which cost twice the CPU of the rest of a request to a one-route
 * app and carried most of every request's objects through young-generation collections into the old generation. Made
 * of them already, Express's swap finds them in place. Node's own classes for a handler without prototypes.
 */
export function httpClassesOf(handler: HttpPrototypes): HttpClasses {
  return {
    IncomingMessage: classOf(IncomingMessage, handler.request),
    ServerResponse: classOf(ServerResponse, handler.response),
  };
}

function classOf<T extends abstract new (...args: never[]) => object>(base: T, prototype: unknown): T {
  // An ES class cannot be called on an object made beforehand (Node's are plain functions): then Node's class as it is.
  if (!(prototype instanceof base) || Function.prototype.toString.call(base).startsWith('class')) return base;
  const construct = base as unknown as (this: object, ...args: unknown[]) => void;
  function Made(this: object, ...args: unknown[]): void {
    construct.apply(this, args);
  }
  Made.prototype = prototype;
  return Made as unknown as T;
}
