// The command line as a process (what bin/wasmtune.js runs from dist/): child processes that run a
// wasmtune command, such as queue workers, start from this file.
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
