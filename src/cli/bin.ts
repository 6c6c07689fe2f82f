// The command line as a process: what bin/wasmtune.js runs from dist/, and what child processes that
// run a wasmtune command (queue workers) start from. A reader that closes the pipe early
// (`wasmtune kernels | head -1`) ends the process quietly: the output it wanted has been delivered.
import { main } from './main.js';

for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
}

process.exitCode = await main(process.argv.slice(2));
