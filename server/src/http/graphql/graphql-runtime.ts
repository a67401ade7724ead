import { createRequire } from 'node:module';
import type * as GraphqlModule from 'graphql';

/**
 * graphql-js as mercurius loads it. mercurius is CommonJS and requires graphql's CommonJS build, while an ESM import
 * may get its ESM build (vitest and bundlers follow the "module" field); graphql refuses schema objects and errors
 * from "another realm", so everything here uses the build mercurius uses.
 */
const require = createRequire(import.meta.url);
export const gql = require('graphql') as typeof GraphqlModule;
