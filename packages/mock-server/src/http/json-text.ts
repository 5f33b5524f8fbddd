// A reply body as UTF-8 JSON, byte for byte what encoding JSON.stringify's text gives. The items of a collection
// page that are projections shared between reads (core/projection-cache.ts: deep-frozen, so their JSON cannot
// change) keep their bytes, so a page of them is copied together rather than serialised and encoded again.
import { isSharedProjection } from '../core/projection-cache.ts';

const encoder = new TextEncoder();

/** Text as UTF-8 bytes. */
export const utf8 = (text: string): Uint8Array<ArrayBuffer> => encoder.encode(text);
const kept = new WeakMap<object, Uint8Array<ArrayBuffer>>();

const isShared = (item: unknown): item is object => item !== null && typeof item === 'object' && isSharedProjection(item);

/** `,` and the item's JSON: the first item of a page is the same bytes without the comma (a view, not a copy). */
function itemBytes(item: unknown): Uint8Array<ArrayBuffer> {
  if (!isShared(item)) return encoder.encode(`,${JSON.stringify(item) ?? 'null'}`);
  let bytes = kept.get(item);
  if (bytes === undefined) kept.set(item, (bytes = encoder.encode(`,${JSON.stringify(item)}`)));
  return bytes;
}

type Page = Record<string, unknown> & { value: unknown[] };

const isPageOfShared = (body: unknown): body is Page =>
  body !== null &&
  typeof body === 'object' &&
  Object.getPrototypeOf(body) === Object.prototype &&
  typeof (body as { toJSON?: unknown }).toJSON !== 'function' &&
  Array.isArray((body as { value?: unknown }).value) &&
  (body as Page).value.some(isShared);

function concat(parts: Uint8Array<ArrayBuffer>[]): Uint8Array<ArrayBuffer> {
  let size = 0;
  for (const part of parts) size += part.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export function jsonBytes(body: unknown): Uint8Array<ArrayBuffer> {
  if (!isPageOfShared(body)) return encoder.encode(JSON.stringify(body));
  // The members around `value` as text, in key order (skipping what JSON.stringify skips); the items as kept bytes.
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let text = '{';
  let first = true;
  for (const key of Object.keys(body)) {
    if (key === 'value') {
      parts.push(encoder.encode(`${text}${first ? '' : ','}"value":[`));
      body.value.forEach((item, i) => parts.push(i === 0 ? itemBytes(item).subarray(1) : itemBytes(item)));
      text = ']';
    } else {
      const member = JSON.stringify(body[key]);
      if (member === undefined) continue;
      text += `${first ? '' : ','}${JSON.stringify(key)}:${member}`;
    }
    first = false;
  }
  parts.push(encoder.encode(`${text}}`));
  return concat(parts);
}
