// The one colour policy of booklab: the reporters, the command reports and the dashboard's theme all ask it.

/** What the choice depends on: the environment, and whether the output is a terminal. */
export interface ColourSetting {
  env: Record<string, string | undefined>;
  isTTY: boolean | undefined;
}

/** FORCE_COLOR values that ask for no colour (as Node and chalk read them). */
const FORCE_OFF = ['0', 'false'];

/**
 * True when output is coloured. In order: NO_COLOR set to something turns colour off (https://no-color.org);
 * FORCE_COLOR set to something turns it on even off a terminal, except "0" or "false", which turn it off;
 * TERM=dumb turns it off; otherwise colour only on a terminal.
 */
export function colourWanted({ env, isTTY }: ColourSetting): boolean {
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force) return !FORCE_OFF.includes(force.toLowerCase());
  if (env.TERM === 'dumb') return false;
  return isTTY === true;
}
