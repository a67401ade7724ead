import { readFileSync } from 'node:fs';
import { AppError } from '../platform/errors.js';
import { randomToken } from '../platform/secrets.js';
import type { CliOutput, CliRuntime, CliServices } from './cli-runtime.js';

/** How the administration use cases name input fields, and the options that carry them on the command line. */
const FLAG_OF_FIELD: Readonly<Record<string, string>> = {
  id: '--id',
  tenantId: '--tenant',
  name: '--name',
  username: '--username',
  displayName: '--name',
  roles: '--roles',
  password: '--password-file',
  expiresInDays: '--expires-in-days',
  market: '--market',
  product: '--product',
  channels: '--channels',
  instruments: '--instruments',
  dataFrom: '--from',
  dataTo: '--to',
  seats: '--seats',
};

/** Reports rejected fields under the option names the user typed. */
const withFlagNames = (error: unknown): unknown =>
  error instanceof AppError && error.fields.length > 0
    ? new AppError(error.code, error.message, {
        cause: error,
        fields: error.fields.map((f) => ({ ...f, field: FLAG_OF_FIELD[f.field] ?? f.field })),
      })
    : error;

/** Opens the store, runs an administration command against it, and closes it (writing the audit trail). */
export const withStore = async <T>(
  runtime: CliRuntime,
  work: (services: CliServices) => Promise<T>,
): Promise<T> => {
  const services = await runtime.open(runtime.loadConfig());
  try {
    return await work(services);
  } catch (error) {
    throw withFlagNames(error);
  } finally {
    await services.close();
  }
};

/** A comma-separated option as a list (blank entries dropped). */
export const listOption = (value: string): string[] =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

/** The password in the first line of a file (trimmed), so it never appears on a command line or in shell history. */
export const readPasswordFile = (path: string): string => {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new AppError(
      'invalid_request',
      `Cannot read the password file ${path}: ${(error as Error).message}`,
    );
  }
  const password = (text.split(/\r?\n/, 1)[0] ?? '').trim();
  if (password.length === 0) {
    throw new AppError('invalid_request', `The password file ${path} has an empty first line.`, {
      fields: [{ field: '--password-file', message: 'the first line must hold the password' }],
    });
  }
  return password;
};

/** A random password (20 characters) that does not contain the username, as the password rules require. */
export const generatePassword = (username: string): string => {
  const local = username.toLowerCase().split('@')[0] ?? '';
  for (;;) {
    const password = randomToken(15);
    if (local.length < 3 || !password.toLowerCase().includes(local)) {
      return password;
    }
  }
};

/** Prints a secret once: the value on stdout (pipeable), the reminder on stderr. */
export const printSecretWarning = (io: CliOutput): void => {
  io.err.write('Store these now: only hashes are kept, and they are not shown again.\n');
};

/** UTC time to the second, for tables. */
export const isoTime = (ms: number | null): string | null =>
  ms === null ? null : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** UTC day, for entitlement windows. */
export const isoDay = (ms: number | null): string | null =>
  ms === null ? null : new Date(ms).toISOString().slice(0, 10);

/** Reads every page of a cursor-paged listing. */
export const allPages = async <T>(
  page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
): Promise<T[]> => {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const result = await page(cursor);
    items.push(...result.items);
    cursor = result.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return items;
};
