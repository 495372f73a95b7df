/** Test support: a directory's .tf files parsed with @cdktf/hcl2json (Go's HCL parser in WebAssembly), merged. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from '@cdktf/hcl2json';

/**
 * hcl2json's shape: blocks as arrays of bodies, expressions as "${…}" text. Untyped on purpose: it is the
 * parse of whatever HCL a spec reads, and the spec's assertions are what check its shape.
 */
// biome-ignore lint/suspicious/noExplicitAny: parsed HCL of any shape; the specs' expectations type-check it.
export type HclJson = Record<string, any>;

function merge(into: HclJson, from: HclJson): HclJson {
  for (const [key, value] of Object.entries(from)) {
    if (Array.isArray(value)) into[key] = [...(into[key] ?? []), ...value];
    else if (value && typeof value === 'object') into[key] = merge(into[key] ?? {}, value);
    else into[key] = value;
  }
  return into;
}

/** Every .tf file of `dir`, parsed (a syntax error throws with the parser's diagnostics) and merged. */
export async function parseHclDir(dir: string): Promise<HclJson> {
  const merged: HclJson = {};
  for (const file of fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.tf'))
    .sort()) {
    merge(merged, await parse(file, fs.readFileSync(path.join(dir, file), 'utf8')));
  }
  return merged;
}

/** The one body of a block hcl2json returns as a one-element array. */
export function only<T = HclJson>(blocks: unknown): T {
  if (!Array.isArray(blocks) || blocks.length !== 1) {
    throw new Error(`expected exactly one block, got ${JSON.stringify(blocks)?.slice(0, 200)}`);
  }
  return blocks[0] as T;
}
