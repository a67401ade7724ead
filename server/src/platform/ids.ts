import { randomUUID } from 'node:crypto';

/** A random, unguessable identifier for runs, jobs and requests. */
export const newId = (): string => randomUUID();
