/**
 * Finds where things are in a JSON text, for error messages only: the line a value starts on and the path
 * (`items[17].total_lmp_da`) at a position. JSON.parse reads the values; this scan runs only after a problem
 * was found, so it favours being simple over being fast.
 */

export type JsonPath = readonly (string | number)[];

export interface JsonLocation {
  /** 1-based line, as an editor shows it. */
  readonly line: number;
  /** The path of the value being read there, e.g. `items[17].total_lmp_da`; empty at the top level. */
  readonly path: string;
}

interface Frame {
  readonly isArray: boolean;
  key: string | null;
  index: number;
  expectsKey: boolean;
}

const LITERAL = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)$/;
const LITERAL_END = /[\s,\]}]/;

export const formatJsonPath = (path: JsonPath): string =>
  path
    .map((segment, i) =>
      typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`,
    )
    .join('');

interface ScanResult {
  readonly line: number;
  readonly path: JsonPath;
  /** True when the scan stopped at the value `target` names. */
  readonly found: boolean;
  /** Where a token that cannot be JSON starts, if the scan met one. */
  readonly badTokenAt: number | null;
}

/** Walks the structure up to `stopAt`, stopping early at the value named by `target` or at a bad token. */
const scan = (text: string, stopAt: number, target: JsonPath | null): ScanResult => {
  const stack: Frame[] = [];
  let line = 1;
  const path = (): JsonPath =>
    stack.flatMap((f): (string | number)[] =>
      f.isArray ? [f.index] : f.key === null ? [] : [f.key],
    );
  const atTarget = (): boolean =>
    target !== null &&
    stack.length === target.length &&
    stack.every((f, k) => (f.isArray ? f.index : f.key) === target[k]);
  const end = Math.min(stopAt, text.length);
  let i = 0;
  while (i < end) {
    const c = text[i] as string;
    const top = stack[stack.length - 1];
    if (c === '\n') {
      line++;
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r' || c === ':') {
      i++;
    } else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') {
        j += text[j] === '\\' ? 2 : 1;
      }
      if (j >= end) {
        // The text (or the scan) stops inside this string: a key cut short names nothing yet.
        break;
      }
      if (top !== undefined && !top.isArray && top.expectsKey) {
        top.key = text.slice(i + 1, j);
        top.expectsKey = false;
      } else if (atTarget()) {
        return { line, path: path(), found: true, badTokenAt: null };
      }
      i = j + 1;
    } else if (c === '{' || c === '[') {
      if (atTarget()) {
        return { line, path: path(), found: true, badTokenAt: null };
      }
      stack.push({ isArray: c === '[', key: null, index: 0, expectsKey: c === '{' });
      i++;
    } else if (c === '}' || c === ']') {
      stack.pop();
      i++;
    } else if (c === ',') {
      if (top?.isArray) {
        top.index++;
      } else if (top !== undefined) {
        top.expectsKey = true;
        top.key = null;
      }
      i++;
    } else {
      if (atTarget()) {
        return { line, path: path(), found: true, badTokenAt: null };
      }
      let j = i;
      while (j < text.length && !LITERAL_END.test(text[j] as string)) {
        j++;
      }
      if (!LITERAL.test(text.slice(i, j))) {
        return { line, path: path(), found: false, badTokenAt: i };
      }
      i = j;
    }
  }
  return { line, path: path(), found: false, badTokenAt: null };
};

/** The line on which the value at `target` starts (its parent's line when absent), or null when not found. */
export const lineOfJsonPath = (text: string, target: JsonPath): number | null => {
  for (let depth = target.length; depth > 0; depth--) {
    const result = scan(text, text.length, target.slice(0, depth));
    if (result.found) {
      return result.line;
    }
  }
  return null;
};

/**
 * Where a JSON.parse failure is: the position V8 names in its message ("… at position 123") when it does, else
 * the first token that cannot be JSON, else the end of the text (a truncated document).
 */
export const locateJsonSyntaxError = (text: string, message: string): JsonLocation => {
  const stated = /at position (\d+)/.exec(message)?.[1];
  let position = stated === undefined ? text.length : Number(stated);
  if (stated === undefined) {
    position = scan(text, text.length, null).badTokenAt ?? text.length;
  }
  const result = scan(text, position, null);
  return { line: result.line, path: formatJsonPath(result.path) };
};
