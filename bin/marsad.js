#!/usr/bin/env node
// The published entry point: the compiled CLI lives in dist/ (built by `npm run build`).
import { main } from '../dist/cli/main.js';

main(process.argv).then((code) => {
  process.exitCode = code;
  // The command's work is over when main resolves (serve and worker resolve only when stopped):
  // a handle left open by a failed dependency, such as an embedded database that never started,
  // must not keep the process alive. Unref'd, the timer never delays a clean exit.
  setTimeout(() => process.exit(code), 2000).unref();
});
