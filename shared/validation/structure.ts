import { jsonPath, type ErrorList } from './errors';

/**
 * Limits on the bare shape of a parsed JSON document, checked before any schema sees it.
 * zod's work grows with the input: it parses every element of an array before it finds
 * the array too long, lists every unknown key of an object in one message, and each
 * issue carries its path. This walk is a single pass with its own stack (no recursion, so
 * no nesting is too deep for it) and refuses a document the schema could never accept
 * anyway, before the schema or any pairwise check spends time on it. Each document type
 * chooses limits at least as loose as its schema's own (a test checks them against the
 * generated JSON Schema), so nothing valid is refused here.
 */
export interface StructureLimits {
  /** Nesting of arrays and objects below the document (the document itself is depth 0). */
  maxDepth: number;
  /** Items of any one array. */
  maxItems: number;
  /** Keys of any one object. */
  maxKeys: number;
  maxKeyLength: number;
  maxStringLength: number;
  /** Values (objects, arrays, strings, numbers, …) in the whole document. */
  maxValues: number;
}

interface Frame {
  value: unknown;
  parent: Frame | null;
  key: string | number | null;
  depth: number;
}

function pathOf(frame: Frame): string {
  const keys: (string | number)[] = [];
  for (let f: Frame | null = frame; f && f.key !== null; f = f.parent) keys.push(f.key);
  return jsonPath(keys.reverse());
}

const count = (n: number) => n.toLocaleString('en-US');

/** Adds an error for every limit the document breaks; true when it breaks none. */
export function checkStructure(document: unknown, limits: StructureLimits, errors: ErrorList): boolean {
  let fine = true;
  const fail = (frame: Frame | null, message: string) => {
    fine = false;
    errors.add(frame ? pathOf(frame) : '$', message);
  };
  const stack: Frame[] = [{ value: document, parent: null, key: null, depth: 0 }];
  let values = 0;
  while (stack.length > 0) {
    const frame = stack.pop()!;
    values += 1;
    if (values > limits.maxValues) {
      fail(null, `more than ${count(limits.maxValues)} values in the document; it cannot be valid`);
      break;
    }
    const { value, depth } = frame;
    if (typeof value === 'string') {
      if (value.length > limits.maxStringLength) {
        fail(frame, `a text of ${count(value.length)} characters; at most ${count(limits.maxStringLength)}`);
      }
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= limits.maxDepth) {
      fail(frame, `nested more than ${limits.maxDepth} levels deep; nothing valid is`);
      continue;
    }
    if (Array.isArray(value)) {
      if (value.length > limits.maxItems) {
        fail(frame, `${count(value.length)} items; at most ${count(limits.maxItems)}`);
        continue;
      }
      for (let i = value.length - 1; i >= 0; i -= 1) stack.push({ value: value[i], parent: frame, key: i, depth: depth + 1 });
      continue;
    }
    const keys = Object.keys(value);
    if (keys.length > limits.maxKeys) {
      fail(frame, `${count(keys.length)} keys; at most ${count(limits.maxKeys)}`);
      continue;
    }
    for (let i = keys.length - 1; i >= 0; i -= 1) {
      const key = keys[i]!;
      if (key.length > limits.maxKeyLength) {
        fail(frame, `a key of ${count(key.length)} characters; at most ${count(limits.maxKeyLength)}`);
        continue;
      }
      stack.push({ value: (value as Record<string, unknown>)[key], parent: frame, key, depth: depth + 1 });
    }
  }
  return fine;
}
