import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { renderScenarioFileJsonSchema } from './json-schema.js';

// The published schema is the zod schema's own: a change to the format that is not regenerated fails here.

describe('the JSON Schema of scenario files', () => {
  it('is committed as generated (regenerate: booklab scenarios schema > docs/scenario-file.schema.json)', async () => {
    const committed = await readFile(new URL('../../docs/scenario-file.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(renderScenarioFileJsonSchema());
  });

  it('names every action and check a file can use', () => {
    const schema = renderScenarioFileJsonSchema();
    for (const name of [
      '"book"',
      '"delete-in-exact"',
      '"lose-next-answer"',
      '"close-period"',
      '"pass-days"',
      '"P-samenumber"',
      '"violations"',
    ])
      expect(schema).toContain(name);
  });
});
