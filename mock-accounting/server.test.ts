import { afterEach, describe, expect, it } from 'vitest';
import { createClock } from '../primitives/index.js';
import { watchPrototypes } from '../test/support/prototype-watch.js';
import { listen, type RunningServer } from './server.js';
import { startMockServer, type MockServer } from './start.js';

let mock: MockServer | undefined;
let running: RunningServer | undefined;

afterEach(async () => {
  await running?.close(0);
  await mock?.close();
  running = mock = undefined;
});

describe('listen', () => {
  it("hands the mock's routes requests and responses made of its Express prototypes, over real HTTP", async () => {
    mock = await startMockServer({ clock: createClock({ start: '2026-03-02T09:00:00Z', frozen: true }), listen: false });
    const { watched, seen } = watchPrototypes(mock.handler);
    running = await listen(watched, { port: 0 });
    const answer = await fetch(`${running.url}/`);
    expect(answer.status).toBe(200);
    expect((await answer.json()) as unknown).toEqual({
      name: 'booklab mock accounting',
      api: '/api/v1',
      oauth: '/api/oauth2',
      backOffice: '/__mock',
    });
    expect(seen).toEqual([true, true]);
  });
});
