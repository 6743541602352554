import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCaseBytes } from './case-bytes.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'booklab-case-bytes-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('readCaseBytes', () => {
  it('reads a file of several megabytes whole, byte for byte, multi-byte characters included', async () => {
    const file = join(dir, 'big.json');
    const text = `${JSON.stringify({ customers: Array.from({ length: 60_000 }, (_, i) => `Crème brûlée ${i} €`) })}\n`;
    await writeFile(file, text);
    const bytes = await readCaseBytes(file);
    expect(bytes.length).toBe(Buffer.byteLength(text));
    expect(bytes.equals(await readFile(file))).toBe(true);
    expect(bytes.toString('utf8')).toBe(text);
  });

  it.skipIf(process.platform === 'win32')('reads a pipe to its end (`--case <(gunzip -c case.json.gz)`)', async () => {
    const source = join(dir, 'piped.json');
    const text = `${JSON.stringify({ lines: Array.from({ length: 20_000 }, (_, i) => `line ${i}`) })}\n`;
    await writeFile(source, text);
    const fifo = join(dir, 'pipe');
    await new Promise((resolve, reject) => execFile('mkfifo', [fifo], (error) => (error ? reject(error) : resolve(undefined))));
    const writer = new Promise((resolve, reject) =>
      execFile('sh', ['-c', `cat '${source}' > '${fifo}'`], (error) => (error ? reject(error) : resolve(undefined))),
    );
    const bytes = await readCaseBytes(fifo);
    await writer;
    expect(bytes.toString('utf8')).toBe(text);
  });

  it('reads an empty file as no bytes', async () => {
    const file = join(dir, 'empty.json');
    await writeFile(file, '');
    expect((await readCaseBytes(file)).length).toBe(0);
  });

  it('fails as readFile fails for a file that is not there', async () => {
    await expect(readCaseBytes(join(dir, 'missing.json'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
