/**
 * How the project's errors show a rejected value: visible enough to act on ("" and " 60" differ), never a
 * dump of whatever was passed (an event payload may hold anything, an option object may be large).
 *
 * Two renderings:
 * - `kind` (Lambda handlers: the caller and the callee): strings quoted and cut to 40 characters; numbers,
 *   booleans, null and undefined as they are; any object only by its kind, `(object)` or `(array)` — a
 *   payload's contents must not reach the logs.
 * - `json` (the lab, the emulator, the network model: local tools reading their own options): the JSON
 *   text cut to 120 characters.
 */
export type ValueRendering = 'kind' | 'json';

const KIND_MAX_CHARACTERS = 40;
const JSON_MAX_CHARACTERS = 120;

export function describeValue(value: unknown, rendering: ValueRendering = 'kind'): string {
  return rendering === 'kind' ? describeKind(value) : describeJson(value);
}

function describeKind(value: unknown): string {
  if (typeof value === 'string') {
    return JSON.stringify(value.length > KIND_MAX_CHARACTERS ? `${value.slice(0, KIND_MAX_CHARACTERS)}…` : value);
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) {
    return String(value);
  }
  return `(${Array.isArray(value) ? 'array' : typeof value})`;
}

function describeJson(value: unknown): string {
  if (typeof value !== 'string' && typeof value !== 'object') return String(value);
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > JSON_MAX_CHARACTERS ? `${text.slice(0, JSON_MAX_CHARACTERS - 3)}...` : text;
}
