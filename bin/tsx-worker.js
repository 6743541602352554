// A worker thread that runs a TypeScript module of the sources (`workerData.entry`, a file URL), with tsx registered in
// this thread as bin/booklab.js registers it in the main one: a thread does not inherit the main thread's loader.
import { fileURLToPath } from 'node:url';
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
await import(workerData.entry);
