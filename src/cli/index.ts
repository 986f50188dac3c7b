/** Public API of src/cli: the `marsad` command line, an adapter over the application layer. */
export { main, buildProgram } from './main.js';
export { processIo, memoryIo, type CliIo } from './io.js';
