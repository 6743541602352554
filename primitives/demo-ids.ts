// The demo company's ids, which the mock's demo seed registers and Focus's integration uses to reach it.

/** The OAuth app the demo seed registers; the README tells developers to use it. */
export const DEMO_CLIENT = { id: 'booklab-demo', secret: 'booklab-demo-secret' } as const;

/** The demo's divisions: the company the scenarios work in, and a second one that proves isolation. */
export const DEMO_DIVISIONS = { main: 100001, other: 100002 } as const;
