/** Undo steps run last-in-first-out, so what was set up last (a server) goes before what it uses (its data dir). */
export class Cleanup {
  private readonly steps: Array<() => unknown> = [];

  /** Registers a step to run at cleanup time. */
  defer(step: () => unknown): void {
    this.steps.push(step);
  }

  /** Runs every step once; a failing step is reported and the rest still run. */
  async run(): Promise<void> {
    for (let step = this.steps.pop(); step; step = this.steps.pop()) {
      try {
        await step();
      } catch (error) {
        console.error(`[bench] cleanup step failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}
