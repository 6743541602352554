import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { pipelinedFetch } from './pipelined-fetch.js';

let server: Server | undefined;
const fetch = pipelinedFetch();

afterEach(async () => {
  fetch.close();
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  server = undefined;
});

async function serve(handler: (req: IncomingMessage, res: ServerResponse, body: string) => void): Promise<string> {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => handler(req, res, body));
  });
  await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('pipelinedFetch', () => {
  it('sends the next request before the first is answered, on one connection, and matches the answers in order', async () => {
    const arrived: Array<{ body: string; port: number | undefined; answer: () => void }> = [];
    const url = await serve((req, res, body) => {
      arrived.push({
        body,
        port: req.socket.remotePort,
        answer: () => res.writeHead(201, { 'content-type': 'application/json' }).end(`{"d":"${body}"}`),
      });
      // The first answer goes out only once all three posts are in: without pipelining this would never happen.
      if (arrived.length === 3) for (const { answer } of arrived) answer();
    });
    const post = (body: string) => fetch(`${url}/api/x`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    const answers = await Promise.all([post('one'), post('two'), post('three')]);
    expect(await Promise.all(answers.map((answer) => answer.text()))).toEqual(['{"d":"one"}', '{"d":"two"}', '{"d":"three"}']);
    expect(answers.map((answer) => [answer.status, answer.headers.get('content-type')])).toEqual(Array(3).fill([201, 'application/json']));
    expect(arrived.map(({ body }) => body)).toEqual(['one', 'two', 'three']);
    expect(new Set(arrived.map(({ port }) => port)).size).toBe(1);
  });

  it('reads chunked and empty answers', async () => {
    const url = await serve((req, res) => {
      if (req.url === '/chunked') {
        res.write('hello, ');
        res.end('world');
      } else res.writeHead(429).end();
    });
    const [chunked, empty] = await Promise.all([fetch(`${url}/chunked`, {}), fetch(`${url}/empty`, {})]);
    expect([chunked.status, await chunked.text(), chunked.headers.get('transfer-encoding')]).toEqual([200, 'hello, world', 'chunked']);
    expect([empty.status, await empty.text()]).toEqual([429, '']);
  });

  it('fails every unanswered request like a cut connection when the server cuts it, and opens a new one after', async () => {
    let calls = 0;
    const url = await serve((req, res) => {
      calls += 1;
      if (req.url === '/cut') req.socket.destroy();
      else res.end('ok');
    });
    const results = await Promise.allSettled([fetch(`${url}/cut`, {}), fetch(`${url}/behind`, {})]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect((results[0] as PromiseRejectedResult).reason).toMatchObject({ message: 'fetch failed', cause: { code: 'ECONNRESET' } });
    const again = await fetch(`${url}/again`, {});
    expect(await again.text()).toBe('ok');
    expect(calls).toBeGreaterThanOrEqual(2);
  });
});
