import { Agent, request as httpRequest } from 'node:http';

/** One HTTP request the generator sends over and over. */
export interface LoadRequest {
  method: 'GET' | 'POST';
  /** Path and query, e.g. `/salesEntries?_page=1&_limit=60`. */
  path: string;
  headers?: Record<string, string>;
  /** JSON text for a POST. */
  body?: string;
  /** The status every answer must have; any other status counts as an error. */
  expectStatus: number;
}

/** How long a phase lasts: a duration, or a number of requests. */
export type LoadLength = { durationMs: number } | { requests: number };

/** Options for {@link runLoad}. */
export interface LoadOptions {
  /** Base URL of the server, e.g. `http://127.0.0.1:5080`. */
  url: string;
  request: LoadRequest;
  /** Requests in flight at any time: each of this many workers sends its next request once its answer is in. */
  concurrency: number;
  length: LoadLength;
}

/** What one measured phase gave. */
export interface LoadResult {
  /** Answered requests, errors included. */
  requests: number;
  /** Answers with an unexpected status, and requests that failed on the network. */
  errors: number;
  /** The first error, to say what went wrong. */
  firstError?: string;
  elapsedMs: number;
  requestsPerSecond: number;
  /** Per-request latency in ms, in completion order. */
  samples: number[];
  /** Body size of an answer, in bytes. */
  responseBytes: number;
}

/**
 * A closed-loop load generator over keep-alive connections: a fixed number of workers each send a request,
 * wait for the whole answer, and send the next, until the phase ends. Latency is timed per request.
 * A warm-up is simply a run whose result is thrown away.
 * @example const result = await runLoad({ url, request, concurrency: 16, length: { durationMs: 4000 } });
 */
export async function runLoad({ url, request, concurrency, length }: LoadOptions): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const send = sender(agent, new URL(url), request);
  const samples: number[] = [];
  let issued = 0;
  let errors = 0;
  let firstError: string | undefined;
  let responseBytes = 0;
  const started = performance.now();
  const deadline = 'durationMs' in length ? started + length.durationMs : Infinity;
  const limit = 'requests' in length ? length.requests : Infinity;

  async function worker(): Promise<void> {
    while (issued < limit && performance.now() < deadline) {
      issued += 1;
      const sent = performance.now();
      const answer = await send().catch((error: Error) => ({ status: 0, body: Buffer.from(error.message) }));
      samples.push(performance.now() - sent);
      responseBytes = answer.body.length;
      if (answer.status !== request.expectStatus) {
        errors += 1;
        firstError ??= `${request.method} ${request.path} answered ${answer.status || 'no status'}: ${answer.body.toString('utf8', 0, 300)}`;
      }
    }
  }

  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    agent.destroy();
  }
  const elapsedMs = performance.now() - started;
  return {
    requests: samples.length,
    errors,
    firstError,
    elapsedMs,
    requestsPerSecond: samples.length / (elapsedMs / 1000),
    samples,
    responseBytes,
  };
}

/** Prepares the request once and returns a function that sends it and reads the whole answer. */
function sender(agent: Agent, base: URL, request: LoadRequest): () => Promise<{ status: number; body: Buffer }> {
  const body = request.body === undefined ? undefined : Buffer.from(request.body);
  const headers = { ...request.headers, ...(body ? { 'content-length': String(body.length) } : {}) };
  const options = { agent, host: base.hostname, port: base.port, method: request.method, path: request.path, headers };
  return () =>
    new Promise((resolve, reject) => {
      const outgoing = httpRequest(options, (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body: Buffer.concat(chunks) }));
        incoming.on('error', reject);
      });
      outgoing.on('error', reject);
      outgoing.end(body);
    });
}

/** Joins phases measured separately (rounds) into one result, as if they had run back to back. */
export function mergeResults(results: readonly LoadResult[]): LoadResult {
  const requests = results.reduce((sum, r) => sum + r.requests, 0);
  const elapsedMs = results.reduce((sum, r) => sum + r.elapsedMs, 0);
  return {
    requests,
    errors: results.reduce((sum, r) => sum + r.errors, 0),
    firstError: results.find((r) => r.firstError)?.firstError,
    elapsedMs,
    requestsPerSecond: requests / (elapsedMs / 1000),
    samples: results.flatMap((r) => r.samples),
    responseBytes: results.at(-1)?.responseBytes ?? 0,
  };
}
