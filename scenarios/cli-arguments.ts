import { InvalidArgumentError } from 'commander';

// Argument parsers the booklab subcommands share, so a bad value is refused with the same words everywhere.

/** Parses a count or start value: a whole number of 1 or more, else a usage error. */
export function wholeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('use a whole number of 1 or more.');
  return n;
}
