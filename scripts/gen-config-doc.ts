import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderConfigDoc } from '../server/src/platform/config-doc.js';

/** Writes docs/CONFIGURATION.md from the settings table in server/src/platform/config.ts. */
const target = fileURLToPath(new URL('../docs/CONFIGURATION.md', import.meta.url));
writeFileSync(target, renderConfigDoc());
console.log(`wrote ${target}`);
