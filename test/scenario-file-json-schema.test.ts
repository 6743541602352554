import { readdir, readFile } from 'node:fs/promises';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';

// The published JSON Schema, read by another validator than zod (as an editor or another tool would): it accepts the
// committed scenario files and refuses a bad date at its path.

const root = new URL('../', import.meta.url);
const json = async (path: string): Promise<unknown> => JSON.parse(await readFile(new URL(path, root), 'utf8'));

describe('docs/scenario-file.schema.json', async () => {
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  const validate = ajv.compile((await json('docs/scenario-file.schema.json')) as object);
  const found = (await readdir(new URL('scenarios/found/', root))).map((f) => `scenarios/found/${f}`);

  it.each(['scenarios/files/same-booking-number.scenario.json', ...found])('accepts %s', async (path) => {
    expect(validate(await json(path)), ajv.errorsText(validate.errors)).toBe(true);
  });

  it('refuses a date that is not YYYY-MM-DD, at its path', async () => {
    expect(validate(await json('test/fixtures/bad-date.scenario.json'))).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toContain('/steps/1/actions/1/date');
  });
});
