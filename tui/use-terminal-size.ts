import { useStdout } from 'ink';
import { useEffect, useState } from 'react';
import type { TerminalSize } from './layout.js';

/** The size assumed when the output is not a terminal (ink-testing-library's stdout has no rows). */
export const FALLBACK_SIZE: TerminalSize = { columns: 80, rows: 24 };

function sizeOf(stdout: NodeJS.WriteStream): TerminalSize {
  return { columns: stdout.columns || FALLBACK_SIZE.columns, rows: stdout.rows || FALLBACK_SIZE.rows };
}

/** The terminal's size, following `resize`; `override` (tests, fixed captures) wins when given. */
export function useTerminalSize(override?: TerminalSize): TerminalSize {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => sizeOf(stdout));
  useEffect(() => {
    if (override) return undefined;
    function onResize() {
      setSize(sizeOf(stdout));
    }
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, override]);
  return override ?? size;
}
