import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../test/backend.js';
import { CHROMIUM } from './harness.js';

/** Fails early, with what to do, when the browser or the built web app is missing. */
export default function setup(): void {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: run \`npm run test:e2e\` (it installs Debian's chromium) or apt-get install chromium`);
  }
  if (!fs.existsSync(path.join(ROOT, 'dist', 'web', 'index.html'))) {
    throw new Error('The web app is not built: run `npm run build:web` first (`npm run test:e2e` does it)');
  }
  if (!fs.existsSync(path.join(ROOT, 'dist', 'verify', 'verify.js'))) {
    throw new Error('The verification page’s browser bundle is not built: run `npm run build:web` first (`npm run test:e2e` does it)');
  }
}
