/** What handling one document's answer says about the rest: go on, go on one by one, or stop the run. */
export type Settled = 'next' | 'one-by-one' | 'stop';

/**
 * A bounded window of documents whose posts are on their way: each document's outcome is handled in the order the
 * documents came, whenever its answer arrives, so the report (counts, error lines in order, links) is the one posting
 * one after the other gives. Size 1 is posting one after the other. An outcome that asks for `one-by-one` shrinks the
 * window to 1 for the rest of the run; `stop` drops the outcomes not yet handled (their documents count as not sent).
 * @example const window = new PostWindow(16); if (await window.add(post(doc), (answer) => handle(doc, answer))) break;
 */
export class PostWindow {
  private readonly pending: Array<{ answer: Promise<unknown>; handle: (answer: unknown) => Settled }> = [];

  constructor(private size: number) {}

  /** How many posts may be unanswered at once now. */
  get overlap(): number {
    return this.size;
  }

  /** Queues a document's outcome (its post already sent, or nothing to send); true when the run must stop. */
  async add<T>(answer: Promise<T>, handle: (answer: T) => Settled): Promise<boolean> {
    this.pending.push({ answer, handle: handle as (answer: unknown) => Settled });
    while (this.pending.length >= this.size) if (await this.settleOldest()) return true;
    return false;
  }

  /** Waits for every answer on its way and handles them in order; true when the run must stop. */
  async drain(): Promise<boolean> {
    while (this.pending.length > 0) if (await this.settleOldest()) return true;
    return false;
  }

  private async settleOldest(): Promise<boolean> {
    const oldest = this.pending.shift()!;
    const settled = oldest.handle(await oldest.answer);
    if (settled === 'one-by-one') this.size = 1;
    if (settled !== 'stop') return false;
    // Answers still on their way are awaited but not handled, as if their documents had not been sent.
    await Promise.allSettled(this.pending.splice(0).map(({ answer }) => answer));
    return true;
  }
}
