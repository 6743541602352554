import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { httpClassesOf } from './http-classes.js';

describe('httpClassesOf', () => {
  it("makes requests and responses of the handler's own prototypes, set up by Node's constructors", () => {
    const request = Object.create(IncomingMessage.prototype) as object;
    const response = Object.create(ServerResponse.prototype) as object;
    const classes = httpClassesOf({ request, response });
    const req = new classes.IncomingMessage(new Socket());
    const res = new classes.ServerResponse(req);
    expect([Object.getPrototypeOf(req), Object.getPrototypeOf(res)]).toEqual([request, response]);
    expect([req instanceof IncomingMessage, res instanceof ServerResponse]).toEqual([true, true]);
    // Set up as Node's own: a readable stream with empty headers, a response that has sent nothing.
    expect([req.readable, req.headers, res.headersSent, res.statusCode]).toEqual([true, {}, false, 200]);
  });

  it("keeps Node's classes for a handler without prototypes, or with prototypes of something else", () => {
    expect(httpClassesOf({})).toEqual({ IncomingMessage, ServerResponse });
    expect(httpClassesOf({ request: {}, response: Object.create(null) })).toEqual({ IncomingMessage, ServerResponse });
  });
});
