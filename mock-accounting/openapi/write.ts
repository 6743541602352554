// `npm run openapi`: writes the OpenAPI document to docs/openapi.json and the README's route tables from it.
import { readFile, writeFile } from 'node:fs/promises';
import { buildOpenApiDocument } from './document.js';
import { withGeneratedTables } from './readme-tables.js';
import { openApiJson } from './openapi-json.js';

const root = new URL('../../', import.meta.url);
const doc = buildOpenApiDocument();
await writeFile(new URL('docs/openapi.json', root), openApiJson(doc));
const readmeUrl = new URL('README.md', root);
await writeFile(readmeUrl, withGeneratedTables(await readFile(readmeUrl, 'utf8'), doc));
console.log('Wrote docs/openapi.json and the route tables of README.md.');
