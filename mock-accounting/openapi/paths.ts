/** One operation of the OpenAPI document (a plain JSON object). */
export type Operation = Record<string, unknown>;

/** `paths`: path to method (lower case) to operation. */
export type Paths = Record<string, Record<string, Operation>>;

/** A stable, unique operationId from the method and path: `put /__mock/clock` → `putMockClock`. */
export function operationId(method: string, path: string): string {
  const words = path
    .replace(/\{([^}]+)\}|:([A-Za-z]+)/g, ' by $1$2 ')
    .replace(/\$count/g, ' count ')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return [method.toLowerCase(), ...words.map((w) => w[0]!.toUpperCase() + w.slice(1))].join('');
}
