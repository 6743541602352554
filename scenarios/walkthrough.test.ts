import { afterEach, describe, expect, it } from 'vitest';
import sameBookingNumber from './catalogue/same-booking-number.js';
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
});
