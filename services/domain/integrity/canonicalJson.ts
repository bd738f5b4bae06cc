import { createHash } from 'node:crypto';

/**
 * One text for one value, whatever order its keys were built in: what history hashes and card
 * fingerprints are computed over. Objects' keys are sorted (by UTF-16 code unit), arrays keep
 * their order, keys whose value is `undefined` are left out (as JSON does), and a Date is written
 * `{"$date":"<ISO 8601>"}` so that it cannot be confused with a string holding the same text.
 * MongoDB keeps Dates to the millisecond, which is all `toISOString` shows, so a Date read back
 * from the database writes the same text as the one inserted.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return `{"$date":${JSON.stringify(value.toISOString())}}`;
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return JSON.stringify(value);
    case 'object': {
      if (!isPlainObject(value)) throw new TypeError('canonicalJson writes only plain objects, arrays, Dates, strings, numbers and booleans');
      const entries = Object.keys(value)
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .sort()
        .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
      return `{${entries.join(',')}}`;
    }
    default:
      throw new TypeError(`canonicalJson cannot write a ${typeof value}`);
  }
}

/** SHA-256 of a text's UTF-8 bytes, as 64 lowercase hex characters. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * A copy of a value as the database will give it back: `undefined` properties dropped (the
 * driver would store them as null), `undefined` in arrays as null, strings made well-formed
 * (BSON is UTF-8: a lone surrogate comes back as U+FFFD). Hashing this copy and storing this copy
 * makes the hash of what is read equal the hash of what was written.
 */
export function asStored<T>(value: T): T {
  return storedCopy(value) as T;
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function storedCopy(value: unknown): unknown {
  if (value === undefined) return null;
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return value.replace(loneSurrogate, '\uFFFD');
  if (value instanceof Date) return new Date(value.getTime());
  if (Array.isArray(value)) return value.map(storedCopy);
  if (typeof value === 'object' && isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined).map(([key, item]) => [key, storedCopy(item)]));
  }
  throw new TypeError(`A ${typeof value} cannot be stored in a case's history`);
}

/** An object literal (or one read from the database), not a class instance such as a Buffer. */
function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
