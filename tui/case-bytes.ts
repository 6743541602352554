import { open } from 'node:fs/promises';

/**
 * Reads a whole file in one read request, for the dashboard to read its case while its code loads. `readFile` reads in
 * 512 KiB chunks, each asked for on the event loop, which module loading keeps busy: the 18 MB of a 10,000-invoice case
 * were then still to read once the code had loaded. One request is read in libuv's thread pool meanwhile (issue 16).
 */
export async function readCaseBytes(path: string): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const stat = await file.stat();
    // A pipe (`--case <(gunzip -c case.json.gz)`) has no size to ask for: it is read to its end.
    if (!stat.isFile()) return await file.readFile();
    const { size } = stat;
    const bytes = Buffer.allocUnsafe(size);
    let read = 0;
    // A regular file gives all that is asked in one read; one that changes while it is read may give less.
    for (;;) {
      const { bytesRead } = await file.read(bytes, read, size - read, read);
      read += bytesRead;
      if (bytesRead === 0 || read === size) break;
    }
    return read === size ? bytes : bytes.subarray(0, read);
  } finally {
    await file.close();
  }
}
