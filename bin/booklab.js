#!/usr/bin/env node
// The booklab command. The sources are TypeScript; tsx compiles them on the fly so that a
// clone runs without a build step.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// The project's tsconfig by path, not the one tsx finds from the working directory: run from anywhere
// else, the dashboard's JSX would compile without React's automatic runtime ("React is not defined").
register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
const { main } = await import('./program.ts');
process.exitCode = await main(process.argv);
