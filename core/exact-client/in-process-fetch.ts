import { EventEmitter } from 'node:events';
import type { OutgoingHttpHeaders, RequestListener, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { httpClassesOf, type HttpClasses, type HttpPrototypes } from '../../primitives/index.js';
import { HeaderTable } from './answer-headers.js';
import type { FetchLike } from './http-fetch.js';

/**
 * What stands for the connection: the handler reads the caller's address from it and may cut it (a fault that drops
 * the answer), and the response writes its bytes into it, which are not needed (the answer is read from the response).
 * Only what Node's request and response, Express and on-finished ask of a socket: a stream (a Duplex) per request cost
 * an eighth of a request's CPU in state objects and write callbacks that carried nothing. Writes are acknowledged on the
 * next tick, as a stream acknowledges a write it took at once; a cut closes it on the next tick, as a socket closes.
 */
class InProcessSocket extends EventEmitter {
  readonly remoteAddress = '127.0.0.1';
  readonly remotePort = 0;
  readonly localAddress = '127.0.0.1';
  readonly localPort = 0;
  /** Readable, or on-finished takes the request as read to its end and body-parser reads no body. */
  readonly readable = true;
  writable = true;
  destroyed = false;
  writableLength = 0;
  writableCorked = 0;
  /** What Node's response resets as it ends (it uncorks a socket fully by setting this). */
  readonly _writableState = { corked: 0 };
  _httpMessage: unknown = null;

  write(_chunk: unknown, encoding?: unknown, done?: () => void): boolean {
    const callback = typeof encoding === 'function' ? (encoding as () => void) : done;
    if (callback) process.nextTick(callback);
    return true;
  }

  resume(): this {
    return this;
  }

  pause(): this {
    return this;
  }

  cork(): void {}

  uncork(): void {}

  destroy(): this {
    if (this.destroyed) return this;
    this.destroyed = true;
    this.writable = false;
    process.nextTick(() => this.emit('close', false));
    return this;
  }

  setTimeout(): this {
    return this;
  }

  setNoDelay(): this {
    return this;
  }

  setKeepAlive(): this {
    return this;
  }
}

function headersOf(outgoing: OutgoingHttpHeaders): HeaderTable {
  const headers = new HeaderTable();
  for (const name in outgoing) {
    const value = outgoing[name];
    if (value !== undefined) headers.append(name, Array.isArray(value) ? value.join(', ') : String(value));
  }
  return headers;
}

/** The answer's bytes as text: one chunk (the usual answer) is decoded as it is, several are joined first. */
function textOf(chunks: readonly Buffer[]): string {
  if (chunks.length === 1) return chunks[0]!.toString('utf8');
  return Buffer.concat(chunks).toString('utf8');
}

/** An answer that holds only its status, headers and text: a closure made beside the request would keep all of it. */
function answerOf(status: number, headers: HeaderTable, text: string): Awaited<ReturnType<FetchLike>> {
  return { status, headers, text: async () => text };
}

/** Node's own request and response classes: a handler that carries no prototypes (yet) is given these. */
const NODE_CLASSES = httpClassesOf({});

/**
 * Sends requests to a server's handler in this process, without a socket: the same Express app answers as over HTTP,
 * at a fraction of the cost. A handler that cuts the connection before answering (a fault dropping the answer after
 * the commit) fails the request as a cut HTTP connection does, with a network error.
 * @example const exact = new ExactClient({ baseUrl: mock.url, fetch: inProcessFetch(mock.handler), ... });
 */
export function inProcessFetch(handler: RequestListener): FetchLike {
  // Made of the handler's own prototypes when it carries them (an Express app, a mock server's handler): see httpClassesOf.
  // A mock server's handler carries them once its routes are loaded, at its first request: until then Node's classes.
  let made: HttpClasses | undefined;
  const classes = (): HttpClasses =>
    made ?? ((handler as HttpPrototypes).request === undefined ? NODE_CLASSES : (made = httpClassesOf(handler as HttpPrototypes)));
  return (input, init) =>
    new Promise((resolve, reject) => {
      const url = new URL(input);
      const { IncomingMessage: MadeRequest, ServerResponse: MadeResponse } = classes();
      const socket = new InProcessSocket();
      const req = new MadeRequest(socket as unknown as Socket);
      const body = typeof init.body === 'string' ? Buffer.from(init.body) : undefined;
      const headers: Record<string, string> = { host: url.host };
      for (const [name, value] of Object.entries((init.headers ?? {}) as Record<string, string>)) headers[name.toLowerCase()] = value;
      if (body) headers['content-length'] = String(body.length);
      Object.assign(req, {
        method: init.method ?? 'GET',
        url: `${url.pathname}${url.search}`,
        httpVersion: '1.1',
        httpVersionMajor: 1,
        httpVersionMinor: 1,
      });
      req.headers = headers;
      req.rawHeaders = Object.entries(headers).flat();
      if (body) req.push(body);
      req.push(null);
      req.complete = true;

      const res = new MadeResponse(req);
      res.assignSocket(socket as unknown as Socket);
      const chunks: Buffer[] = [];
      const keep = (chunk: unknown, encoding: unknown) => {
        if (typeof chunk === 'string')
          chunks.push(Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'));
        // The bytes are only read, once the answer is finished: a view of them does, where a copy would cost.
        else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      };
      const write = res.write;
      const end = res.end;
      res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
        keep(chunk, rest[0]);
        return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
      } as typeof res.write;
      res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
        if (typeof chunk !== 'function') keep(chunk, rest[0]);
        return (end as (...args: unknown[]) => ServerResponse).call(this, chunk, ...rest);
      } as typeof res.end;

      const cut = () => reject(new TypeError('fetch failed', { cause: { code: 'ECONNRESET', message: 'the server cut the connection' } }));
      socket.once('close', cut);
      res.once('finish', () => {
        socket.off('close', cut);
        resolve(answerOf(res.statusCode, headersOf(res.getHeaders()), textOf(chunks)));
      });
      handler(req, res);
    });
}
