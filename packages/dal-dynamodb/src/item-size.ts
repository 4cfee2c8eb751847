import { DalError, describeKey } from './errors.js';

/** DynamoDB's largest item: 400 KB, counting attribute names and values. */
export const MAX_ITEM_BYTES = 400 * 1024;

// Counted in place: encoding each string to count its bytes allocated a copy of every attribute
// name and value on every write.
function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Bytes DynamoDB counts for a number: 1 per two significant digits, plus 1 (and 1 for a sign). */
function numberSize(value: number | bigint): number {
  let digits: number;
  if (typeof value === 'bigint') {
    digits = value
      .toString()
      .replace(/[^0-9]/g, '')
      .replace(/^0+/, '')
      .replace(/0+$/, '').length;
  } else if (value === 0) {
    digits = 0;
  } else {
    // toExponential writes the fewest digits that give the number back: no leading or trailing
    // zeros, and a point only in the mantissa (the exponent is a whole number).
    const text = Math.abs(value).toExponential();
    digits = text.indexOf('e') - (text.includes('.') ? 1 : 0);
  }
  if (digits === 0) return 1;
  const negative = typeof value === 'bigint' ? value < 0n : value < 0;
  return 1 + Math.ceil(digits / 2) + (negative ? 1 : 0);
}

function valueSize(value: unknown): number {
  if (value === null || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return utf8Length(value);
  if (typeof value === 'number' || typeof value === 'bigint') return numberSize(value);
  if (value instanceof Uint8Array) return value.byteLength;
  if (value instanceof Set) {
    let size = 0;
    for (const member of value) size += valueSize(member);
    return size;
  }
  if (Array.isArray(value)) {
    // Lists and maps cost 3 bytes, plus 1 per element.
    return value.reduce<number>((sum, element) => (element === undefined ? sum : sum + 1 + valueSize(element)), 3);
  }
  if (typeof value === 'object') {
    let size = 3;
    for (const [name, element] of Object.entries(value as Record<string, unknown>)) {
      if (element === undefined) continue;
      size += 1 + utf8Length(name) + valueSize(element);
    }
    return size;
  }
  return 0;
}

/**
 * The size DynamoDB counts for an item in document form (strings, numbers, booleans, null,
 * arrays, plain objects, Sets, Uint8Arrays): UTF-8 bytes of every attribute name and value,
 * with DynamoDB's documented overheads for numbers, lists and maps.
 */
export function itemSize(item: Record<string, unknown>): number {
  let size = 0;
  for (const [name, value] of Object.entries(item)) {
    if (value === undefined) continue;
    size += utf8Length(name) + valueSize(value);
  }
  return size;
}

/** Throws an `item_too_large` {@link DalError} when the item exceeds {@link MAX_ITEM_BYTES}; nothing is sent. */
export function assertItemSize(item: Record<string, unknown>, tableName: string, key: Record<string, unknown>): void {
  const size = itemSize(item);
  if (size > MAX_ITEM_BYTES) {
    throw new DalError({
      code: 'item_too_large',
      message: `Item ${describeKey(key)} for ${tableName} is ${size} bytes; DynamoDB allows ${MAX_ITEM_BYTES}`,
      tableName,
      key,
    });
  }
}
