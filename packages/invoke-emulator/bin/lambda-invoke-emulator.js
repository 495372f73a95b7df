#!/usr/bin/env node
// The `lambda-invoke-emulator` bin: a committed shim, so pnpm can link it before the first build; the
// command itself is the built dist/cli.js (src/cli.ts).

require('../dist/cli.js').runCommandLine(process.argv.slice(2));
