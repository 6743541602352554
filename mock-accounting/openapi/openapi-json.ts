/** The document as it is committed in docs/openapi.json: two-space JSON with a final newline. */
export function openApiJson(doc: unknown): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
