/**
 * A change that could not be saved (a full disk, an I/O error): the store has undone it, so the state is as
 * before the request, and nothing of it is left in the files. Answered 503 at the HTTP boundary.
 */
export class StoreWriteError extends Error {
  override name = 'StoreWriteError';
  /** Why the disk refused it (`ENOSPC: no space left on device, write`). */
  readonly reason: string;
  constructor(
    readonly file: string,
    cause: unknown,
    { followed = false } = {},
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      followed
        ? `[booklab] The change was not saved: it came right after a change that could not be saved to ${file} (${reason}), and was undone with it. Try again.`
        : `[booklab] The change could not be saved to ${file} (${reason}), so it was not made. Free disk space or fix the file system, then try again.`,
      { cause },
    );
    this.reason = reason;
  }
}
