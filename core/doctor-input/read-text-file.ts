import { readFile } from 'node:fs/promises';
import { problemOf, type InputResult } from './problems.js';

/** Reads an input file as UTF-8 text; a file that cannot be read is refused with the reason. */
export async function readTextFile(path: string, what: string): Promise<InputResult<string>> {
  try {
    return { ok: true, value: await readFile(path, 'utf8') };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : (error as Error).message;
    return problemOf('unreadable-file', `Cannot read the ${what} file ${path}: ${reason}. Check the path.`, path);
  }
}
