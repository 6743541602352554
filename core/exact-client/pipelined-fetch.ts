import net from 'node:net';
import { HeaderTable, type AnswerHeaders } from './answer-headers.js';
import type { FetchLike } from './http-fetch.js';

/** A request on the wire, waiting for its answer. */
interface Waiting {
  resolve: (answer: { status: number; headers: AnswerHeaders; text(): Promise<string> }) => void;
  reject: (error: Error) => void;
}

/** A response head read off the wire: status, headers and how its body is delimited. */
interface Head {
  status: number;
  headers: AnswerHeaders;
  bodyStart: number;
  length: number | 'chunked' | 'close';
}

/** A fetch that can also close its connections. */
export type PipelinedFetch = FetchLike & { close(): void };

/**
 * HTTP/1.1 pipelining on one keep-alive connection per origin (plain `http:` only): each request is written at once,
 * before earlier ones are answered, so a server reads them in the order they were sent (Node's http.Agent never
 * pipelines: concurrent requests go out on several sockets, in no guaranteed order). Answers are matched to requests
 * in order. When the connection closes, every request still unanswered fails like a cut connection in fetch (a
 * TypeError with an `ECONNRESET` cause); the next request opens a new connection.
 * @example const fetch = pipelinedFetch(); await Promise.all([fetch(url, post1), fetch(url, post2)]); fetch.close();
 */
export function pipelinedFetch(): PipelinedFetch {
  const connections = new Map<string, Connection>();
  const fetch = ((input, init) => {
    const url = new URL(input);
    if (url.protocol !== 'http:') return Promise.reject(new TypeError(`pipelinedFetch speaks plain http only, not ${url.protocol}`));
    let connection = connections.get(url.host);
    if (!connection || connection.closed) {
      connection = new Connection(url.hostname.replace(/^\[|\]$/g, ''), Number(url.port || 80));
      connections.set(url.host, connection);
    }
    return connection.send(requestBytes(url, init));
  }) as PipelinedFetch;
  fetch.close = () => {
    for (const connection of connections.values()) connection.destroy();
    connections.clear();
  };
  return fetch;
}

function requestBytes(url: URL, init: RequestInit): Buffer {
  const body = typeof init.body === 'string' ? Buffer.from(init.body) : undefined;
  let head = `${init.method ?? 'GET'} ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\nConnection: keep-alive\r\n`;
  for (const [name, value] of Object.entries((init.headers ?? {}) as Record<string, string>)) head += `${name}: ${value}\r\n`;
  if (body) head += `Content-Length: ${body.length}\r\n`;
  return Buffer.concat([Buffer.from(`${head}\r\n`, 'latin1'), ...(body ? [body] : [])]);
}

/** One socket, the requests written on it in order, and the bytes of answers not yet complete. */
class Connection {
  private readonly socket: net.Socket;
  private readonly waiting: Waiting[] = [];
  private buffered: Buffer = Buffer.alloc(0);
  closed = false;

  constructor(host: string, port: number) {
    this.socket = net.connect({ host, port, noDelay: true });
    this.socket.unref();
    this.socket.on('data', (chunk: Buffer) => this.read(chunk));
    this.socket.on('error', (cause) => this.fail(cause));
    this.socket.on('close', () => this.fail({ code: 'ECONNRESET', message: 'the server cut the connection' }));
  }

  send(bytes: Buffer): Promise<{ status: number; headers: AnswerHeaders; text(): Promise<string> }> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.socket.write(bytes);
    });
  }

  destroy(): void {
    this.socket.destroy();
  }

  private read(chunk: Buffer): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    for (;;) {
      const head = readHead(this.buffered);
      if (!head || head.length === 'close') return;
      const body =
        head.length === 'chunked' ? readChunked(this.buffered, head.bodyStart) : readSized(this.buffered, head.bodyStart, head.length);
      if (!body) return;
      this.buffered = this.buffered.subarray(body.end);
      this.answer(head, body.text);
    }
  }

  private answer(head: Head, text: string): void {
    const next = this.waiting.shift();
    if (!next) {
      this.fail({ code: 'EPROTO', message: 'the server answered a request that was not sent' });
      return;
    }
    next.resolve({ status: head.status, headers: head.headers, text: async () => text });
  }

  private fail(cause: { code?: string; message?: string }): void {
    this.closed = true;
    // An answer delimited by the end of the connection is complete now.
    const head = readHead(this.buffered);
    if (head?.length === 'close') this.answer(head, this.buffered.subarray(head.bodyStart).toString('utf8'));
    this.buffered = Buffer.alloc(0);
    for (const unanswered of this.waiting.splice(0)) unanswered.reject(new TypeError('fetch failed', { cause }));
    this.socket.destroy();
  }
}

function readHead(buffer: Buffer): Head | null {
  const end = buffer.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const [statusLine = '', ...lines] = buffer.toString('latin1', 0, end).split('\r\n');
  const status = Number(statusLine.split(' ')[1]);
  const headers = new HeaderTable();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  const bodyStart = end + 4;
  if (status === 204 || status === 304 || (status >= 100 && status < 200)) return { status, headers, bodyStart, length: 0 };
  if (headers.get('transfer-encoding')?.toLowerCase().includes('chunked')) return { status, headers, bodyStart, length: 'chunked' };
  const length = headers.get('content-length');
  return { status, headers, bodyStart, length: length === null ? 'close' : Number(length) };
}

function readSized(buffer: Buffer, start: number, length: number): { text: string; end: number } | null {
  if (buffer.length < start + length) return null;
  return { text: buffer.toString('utf8', start, start + length), end: start + length };
}

function readChunked(buffer: Buffer, start: number): { text: string; end: number } | null {
  const parts: Buffer[] = [];
  let at = start;
  for (;;) {
    const lineEnd = buffer.indexOf('\r\n', at);
    if (lineEnd < 0) return null;
    const size = Number.parseInt(buffer.toString('latin1', at, lineEnd), 16);
    if (size === 0) {
      // The last chunk, then trailers (none from Node), then an empty line.
      const end = buffer.indexOf('\r\n', lineEnd + 2) === lineEnd + 2 ? lineEnd + 4 : buffer.indexOf('\r\n\r\n', lineEnd + 2) + 4;
      return end < 4 ? null : { text: Buffer.concat(parts).toString('utf8'), end };
    }
    if (buffer.length < lineEnd + 2 + size + 2) return null;
    parts.push(buffer.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}
