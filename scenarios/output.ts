/** Where a command writes: process.stdout and process.stderr, or stand-ins in tests. */
export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}
