import { access, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { SEEDS } from './options.js';
import { DEMO_SEED_DESCRIPTION } from './seed/demo.js';
import { exposureWarning } from './security/exposure-warning.js';
import { startMockServer } from './start.js';

/** Where `booklab serve` keeps its state unless told otherwise. */
export const DEFAULT_DATA_FILE = '.booklab/accounting.json';

/** Collects a repeatable option's values. */
function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65_535) throw new InvalidArgumentError('use a port number from 0 to 65535.');
  return n;
}

const STOPPED_BY: Record<'SIGINT' | 'SIGTERM', string> = { SIGINT: 'Ctrl-C (SIGINT)', SIGTERM: 'SIGTERM' };

/** The line `booklab serve` starts with: which state it serves (a saved one, or a new one from which seed). */
export function servingLine(seed: string, savedFile: string | undefined): string {
  if (savedFile) return `[booklab] Serving the state saved in ${resolve(savedFile)} (--seed applies to a new data file only).`;
  return `[booklab] Serving a new state from ${seed === 'demo' ? DEMO_SEED_DESCRIPTION : `the ${seed} seed`}.`;
}

/** The line `booklab serve` ends with: what stopped it, and where its data is (or that it is gone). */
export function stoppedLine(signal: 'SIGINT' | 'SIGTERM', dataFile: string | undefined): string {
  const data = dataFile ? `the data is saved in ${resolve(dataFile)}` : 'the state was in memory only (--memory) and is gone';
  return `[booklab] Stopped by ${STOPPED_BY[signal]}; ${data}.`;
}

/**
 * `booklab serve`: runs the mock accounting server until SIGINT (Ctrl-C) or SIGTERM, then says which stopped it
 * and where the data is. Either is the ordinary way to end a server, so the exit code is 0, not 130/143.
 */
export function serveCommand(): Command {
  return new Command('serve')
    .description('run the mock accounting server (Exact-Online-like API and back office) until Ctrl-C or SIGTERM (exit code 0)')
    .option('--host <host>', 'interface to bind to', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0 = any free port)', port, 5080)
    .option(
      '--allow-host <name>',
      'also answer requests for this host name (repeatable; localhost, 127.0.0.1, [::1] and the bound host always are)',
      collect,
      [],
    )
    .addOption(new Option('--data <file>', 'JSON data file (created when missing)').default(DEFAULT_DATA_FILE).conflicts('memory'))
    .option('--memory', 'keep the state in memory only')
    .addOption(new Option('--seed <seed>', 'state for a new data file or --memory').choices(Object.keys(SEEDS)).default('demo'))
    .action(async (opts: { host: string; port: number; allowHost: string[]; data: string; memory?: boolean; seed: string }) => {
      if (!opts.memory) await mkdir(dirname(opts.data), { recursive: true });
      const saved =
        !opts.memory &&
        (await access(opts.data).then(
          () => true,
          () => false,
        ));
      const warning = exposureWarning(opts.host);
      if (warning) console.error(warning);
      const mock = await startMockServer({
        seed: opts.seed,
        file: opts.memory ? undefined : opts.data,
        host: opts.host,
        port: opts.port,
        allowHosts: opts.allowHost,
      });
      console.error(servingLine(opts.seed, saved ? opts.data : undefined));
      for (const dropped of mock.store.dropped) console.error(`[booklab] Recovering ${mock.store.description}: ${dropped}.`);
      // Listening for the signals before the URL is printed: whoever reads the URL may stop the server at once.
      const stopped = new Promise<void>((resolve) => {
        const stop = async (signal: 'SIGINT' | 'SIGTERM') => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          await mock.close();
          console.error(stoppedLine(signal, opts.memory ? undefined : opts.data));
          resolve();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      console.log(mock.url);
      await stopped;
    });
}
