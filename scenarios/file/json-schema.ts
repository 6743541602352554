import { z } from 'zod';
import { ScenarioFileSchema } from './scenario-file-schema.js';

/** The JSON Schema of the scenario file format, as committed in docs/scenario-file.schema.json (what editors validate against). */
export function scenarioFileJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ScenarioFileSchema, { io: 'input' }),
    $id: 'https://booklab.dev/scenario-file.schema.json',
    title: 'booklab scenario file',
    description:
      'A support case written without TypeScript: its steps (actions, checks, repair procedures) with narrations, its symptom and its expected end. Version 1.',
  };
}

/** The schema as the committed file holds it: indented JSON with a final newline. */
export function renderScenarioFileJsonSchema(): string {
  return `${JSON.stringify(scenarioFileJsonSchema(), null, 2)}\n`;
}
