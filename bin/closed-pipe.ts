/**
 * Ends booklab quietly when the reader of its output goes away (`booklab scenarios list | head -1`, `| grep -q`):
 * the next write to the closed pipe fails with EPIPE, and instead of a stack trace the process ends there with
 * the exit code it had so far (0 unless something had already failed), so a `set -o pipefail` script does not
 * fail because its reader had seen enough. Any other error of the stream is still thrown.
 */
export function endQuietlyOnClosedPipe(exitCodeSoFar: () => number, streams: readonly NodeJS.WriteStream[] = [process.stdout, process.stderr]): void {
  for (const stream of streams) {
    stream.on('error', function onStreamError(error: NodeJS.ErrnoException) {
      if (error.code !== 'EPIPE') throw error;
      process.exit(exitCodeSoFar());
    });
  }
}
