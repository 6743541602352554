#!/usr/bin/env node
// The booklab command. The sources are TypeScript; tsx compiles them on the fly so that a
// clone runs without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./program.ts');
process.exitCode = await main(process.argv);
