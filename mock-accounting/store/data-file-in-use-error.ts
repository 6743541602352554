/** The process a data file's lock names. */
export interface LockHolder {
  pid: number;
  hostname: string;
  /** When it took the lock, ISO 8601. */
  since: string;
}

/** Thrown when another store (another `booklab serve`, or a store in this process) holds the data file: nothing was read or written. */
export class DataFileInUseError extends Error {
  override name = 'DataFileInUseError';
  constructor(
    readonly file: string,
    readonly lockFile: string,
    readonly holder: LockHolder | undefined,
  ) {
    const who = holder
      ? `process ${holder.pid} on ${holder.hostname}, since ${holder.since}${holder.pid === process.pid ? ' (this process: a store opened on it is still open)' : ''}`
      : 'a process the lock file does not name';
    super(
      `[booklab] The data file ${file} is in use by another booklab server (${who}), so this one did not open it: two ` +
        "servers on one file would overwrite each other's bookings. Stop that server, or give this one another --data file. " +
        `If no booklab server runs any more, delete ${lockFile}.`,
    );
  }
}
