/** Thrown when a data file exists but cannot be read as a booklab state: the file is left untouched. */
export class StoreFileError extends Error {
  override name = 'StoreFileError';
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super(
      `[booklab] Cannot read the data file ${file}: ${cause instanceof Error ? cause.message : String(cause)}. ` +
        'It was left as it is. Move it aside to start afresh, or run with --memory.',
      { cause },
    );
  }
}
