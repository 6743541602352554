import { afterEach, describe, expect, it } from 'vitest';
import sameBookingNumber from './catalogue/same-booking-number.js';
import yukiQuotaExhausted from './catalogue/yuki-quota-exhausted.js';
import { Walkthrough } from './walkthrough.js';

describe('Walkthrough', () => {
  let walkthrough: Walkthrough | undefined;
  afterEach(() => walkthrough?.close());

  it('steps forward with a diff, and back restores the earlier snapshot exactly', async () => {
    walkthrough = await Walkthrough.start(sameBookingNumber);
    expect(walkthrough.state.position).toBe(0);
    await walkthrough.forward();
    const afterFirst = await walkthrough.world.snapshot();
    const second = await walkthrough.forward();
    expect(second.position).toBe(2);
    expect(second.current?.title).toBe('Book and sync invoices 2026/1 to 2026/3');
    expect(second.diff?.bookings.map((b) => b.label)).toEqual(['booking 1001 (70)', 'booking 1002 (70)', 'booking 1003 (70)']);

    const back = await walkthrough.back();
    expect(back.position).toBe(1);
    expect(back.current?.title).toBe('Connect Exact Online from 1 January and import the customers');
    expect(await walkthrough.world.snapshot()).toEqual(afterFirst);

    const again = await walkthrough.forward();
    expect(again.diff?.bookings.map((b) => b.label)).toEqual(['booking 1001 (70)', 'booking 1002 (70)', 'booking 1003 (70)']);
  });

  it('back shows the step it returns to exactly as it was shown going forward: narration, highlights, checks', async () => {
    walkthrough = await Walkthrough.start(sameBookingNumber);
    await walkthrough.forward();
    const second = await walkthrough.forward();
    await walkthrough.forward();
    const back = await walkthrough.back();
    expect(back.diff?.bookings.map((b) => b.label)).toEqual(['booking 1001 (70)', 'booking 1002 (70)', 'booking 1003 (70)']);
    expect(back).toEqual(second);
  });

  it('restarts to before the first step and can play to the end with nothing wrong', async () => {
    walkthrough = await Walkthrough.start(sameBookingNumber);
    await walkthrough.forward();
    await walkthrough.forward();
    const restarted = await walkthrough.restart();
    expect(restarted.position).toBe(0);
    expect(Object.keys(restarted.view.focus.documents)).toEqual([]);
    while (!walkthrough.done) await walkthrough.forward();
    expect(walkthrough.state.position).toBe(walkthrough.state.total);
    expect(walkthrough.state.violations).toEqual([]);
  });

  it("replays a step that used Yuki's call quota the same way after stepping back (the count is restored too)", async () => {
    walkthrough = await Walkthrough.start(yukiQuotaExhausted);
    const narrations: string[] = [];
    while (!walkthrough.done) narrations.push((await walkthrough.forward()).current!.narration);
    const replayed: string[] = [];
    for (let i = 0; i < 3; i++) await walkthrough.back();
    while (!walkthrough.done) replayed.push((await walkthrough.forward()).current!.narration);
    expect(replayed).toEqual(narrations.slice(-3));
    expect(walkthrough.state.violations).toEqual([]);
  });
});
