#!/usr/bin/env node
// Entry point of the installed command: the compiled CLI (npm run build).
import '../dist/src/cli/bin.js';
