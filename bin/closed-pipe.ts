/**
 * Lets booklab go on quietly when the reader of its output goes away (`booklab scenarios list | head -1`, `| grep -q`):
 * a write to the closed pipe fails with EPIPE, and instead of a stack trace the stream is dropped and the command
 * finishes its work (an export still writes its files and saves its case, so nothing is left half done) and ends with
 * its own exit code; a reader that had seen enough is not a failure, so `set -o pipefail` scripts do not trip on it.
 * Any other error of the stream is still thrown.
 */
export function goOnQuietlyOnClosedPipe(streams: readonly NodeJS.WriteStream[] = [process.stdout, process.stderr]): void {
  for (const stream of streams) {
    stream.on('error', function onStreamError(error: NodeJS.ErrnoException) {
      if (error.code !== 'EPIPE') throw error;
    });
  }
}
