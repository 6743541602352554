import { setFlagsFromString } from 'node:v8';

// How V8's young generation grows while the dashboard starts, and after. Its start reads a case, and nearly all it
// allocates then lives on (the case, both views, the rows), which a young generation grown to 16 MB semi-spaces copies
// again and again before promoting it; kept at its size, it promotes what lives on sooner. Once the first frame is
// drawn, what a key allocates dies young, which a young generation left to grow collects in fewer, cheaper scavenges.

/** V8's own growth factor of the young generation's semi-spaces. */
const V8_SEMI_SPACE_GROWTH_FACTOR = 2;

/**
 * Keeps the young generation at its size until {@link letYoungGenerationGrow}: the first frame of the 10,000-invoice
 * case came about 90 ms sooner (medians of 20 alternating launches, issue 16).
 */
export function keepYoungGenerationSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}

/**
 * Lets the young generation grow again, as V8 does by default: kept small, each key cost about 3 ms more CPU (61 keys,
 * median 7.0 -> 9.9 ms, issue 16).
 */
export function letYoungGenerationGrow(): void {
  setFlagsFromString(`--semi-space-growth-factor=${V8_SEMI_SPACE_GROWTH_FACTOR}`);
}
