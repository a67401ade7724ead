import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CLIENT_TYPES_FILE, generateClientTypes } from './client-types.js';

/** Writes client/src/openapi.ts from the server's OpenAPI document (built in-process; nothing is started). */
writeFileSync(CLIENT_TYPES_FILE, await generateClientTypes());
console.log(`wrote ${fileURLToPath(CLIENT_TYPES_FILE)}`);
