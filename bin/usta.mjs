#!/usr/bin/env node
// `npx usta <command>` from a checkout: runs the compiled server and command line (dist/server),
// building it first when it is missing or older than the sources (it says so on stderr).
import { pathToFileURL } from 'node:url';
import { ensureServerBuild, SERVER_MAIN } from '../scripts/build-server.mjs';

try {
  await ensureServerBuild();
} catch (error) {
  process.stderr.write(`usta: the server did not build: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
  process.exit(1);
}
// Stack traces name the TypeScript sources.
process.setSourceMapsEnabled(true);
// In this process, so signals reach the server itself; it reads its command from process.argv.
await import(pathToFileURL(SERVER_MAIN).href);
