/** @kyso/cli as a library: run the `kyso` command line in-process (for tests and wrappers). */
export type { CliContext } from './context.js';
export { EXIT } from './exit.js';
export { main } from './main.js';
