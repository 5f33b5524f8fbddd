// The state as JSON text, written a piece at a time. One JSON.stringify of a 50,000-request state is a 70 MB string,
// and writing it needs a buffer as large again: the process's peak memory, which the heap then keeps. Written
// table by table and record by record, in chunks of about CHUNK characters, the same text never exists whole.

const CHUNK = 1 << 20;

/** Writes `JSON.stringify(value)`'s text through `write`, splitting the top two levels (the state's tables). */
export function writeJsonInChunks(value: object, write: (chunk: string) => void): void {
  let pending = '';
  const emit = (text: string) => {
    pending += text;
    if (pending.length >= CHUNK) {
      write(pending);
      pending = '';
    }
  };
  members(value, emit, (inner) => (isContainer(inner) ? members(inner, emit, (leaf) => emit(JSON.stringify(leaf) ?? 'null')) : emit(JSON.stringify(inner))));
  if (pending) write(pending);
}

const isContainer = (value: unknown): value is object => typeof value === 'object' && value !== null && !('toJSON' in value);

/** An object's or array's members as JSON.stringify writes them (undefined members left out, or null in arrays). */
function members(container: object, emit: (text: string) => void, each: (value: unknown) => void): void {
  if (Array.isArray(container)) {
    emit('[');
    container.forEach((item, i) => {
      if (i) emit(',');
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') emit('null');
      else each(item);
    });
    emit(']');
    return;
  }
  emit('{');
  let first = true;
  for (const [key, item] of Object.entries(container)) {
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    emit(`${first ? '' : ','}${JSON.stringify(key)}:`);
    first = false;
    each(item);
  }
  emit('}');
}
