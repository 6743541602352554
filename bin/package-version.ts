import { readFileSync } from 'node:fs';

/** The version in booklab's package.json, found from this module in the sources (bin/) or in the build (dist/bin/). */
export function packageVersion(): string {
  for (const relative of ['../package.json', '../../package.json']) {
    try {
      const manifest = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'booklab' && manifest.version) return manifest.version;
    } catch {
      // Not there from this copy of the module: try the next place.
    }
  }
  throw new Error(
    "[booklab] Cannot find booklab's package.json above bin/ or dist/bin/: the installation is incomplete. Reinstall booklab.",
  );
}
