#!/usr/bin/env node
// Entry point of the installed command: the compiled CLI (npm run build).
import { main } from '../dist/src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
