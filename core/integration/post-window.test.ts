import { describe, expect, it } from 'vitest';
import { PostWindow, type Settled } from './post-window.js';

/** A promise with its resolve, to answer posts in any order. */
function later<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

describe('PostWindow', () => {
  it('handles outcomes in the order the posts were added, whatever order the answers come in', async () => {
    const window = new PostWindow(3);
    const handled: string[] = [];
    const answers = [later<string>(), later<string>(), later<string>()];
    const handle = (answer: string): Settled => (handled.push(answer), 'next');
    await window.add(answers[0]!.promise, handle);
    await window.add(answers[1]!.promise, handle);
    const third = window.add(answers[2]!.promise, handle);
    answers[2]!.resolve('c');
    answers[1]!.resolve('b');
    answers[0]!.resolve('a');
    expect(await third).toBe(false);
    expect(await window.drain()).toBe(false);
    expect(handled).toEqual(['a', 'b', 'c']);
  });

  it('drops the outcomes after a stop and says the run must stop', async () => {
    const window = new PostWindow(4);
    const handled: string[] = [];
    await window.add(Promise.resolve('limit'), (answer) => (handled.push(answer), 'stop'));
    await window.add(Promise.resolve('after'), (answer) => (handled.push(answer), 'next'));
    expect(await window.drain()).toBe(true);
    expect(handled).toEqual(['limit']);
  });

  it('goes one by one after an outcome asks for it: each later add waits for its own answer', async () => {
    const window = new PostWindow(4);
    await window.add(Promise.resolve('refused'), () => 'one-by-one');
    expect(window.overlap).toBe(4);
    await window.add(Promise.resolve('next'), () => 'next');
    expect(await window.drain()).toBe(false);
    expect(window.overlap).toBe(1);
    const handled: string[] = [];
    await window.add(Promise.resolve('alone'), (answer) => (handled.push(answer), 'next'));
    expect(handled).toEqual(['alone']);
  });
});
