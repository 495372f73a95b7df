/**
 * Repairs for what cdktf 0.21's HCL renderer (cdktf/lib/hcl/render.js, used by `cdktf synth --hcl` and
 * Testing.synthHcl) gets wrong, applied to the stack's `--hcl` output and to the generated module:
 * - `depends_on = ["aws_x.y"]`: quoted references, deprecated ("Quoted references are deprecated");
 * - `precondition = [{ … }]`: an attribute, where Terraform only accepts `precondition { … }` blocks;
 * - `terraform { 0 = "required_version" }`: renderTerraform passes the attribute NAMES, not the attributes;
 * - `"${expr}"`: interpolation-only strings, valid but not canonical (`terraform fmt` unwraps them).
 */
import { HclRenderError } from '../errors';
import { endOfBracketed, endOfInterpolation, endOfQuotedTemplate } from './hcl-scan';

const REFERENCE = /^"((?:data\.)?[A-Za-z_][A-Za-z0-9_-]*\.[A-Za-z_][A-Za-z0-9_-]*|module\.[A-Za-z_][A-Za-z0-9_-]*)"$/;

/** `depends_on = [ "aws_x.y", … ]` → `depends_on = [ aws_x.y, … ]`; anything else in the list is refused. */
export function unquoteDependsOn(hcl: string): string {
  return replaceListAttributes(hcl, 'depends_on', (items) => {
    const references = items.map((item) => {
      const match = REFERENCE.exec(item);
      if (!match) throw new HclRenderError('a depends_on item that is not a quoted reference', item);
      return match[1];
    });
    return `depends_on = [\n${references.map((reference) => `${reference},`).join('\n')}\n]`;
  });
}

/** `precondition = [ { … }, ]` (and postcondition) → one `precondition { … }` block per object. */
export function conditionListsToBlocks(hcl: string): string {
  let repaired = hcl;
  for (const kind of ['precondition', 'postcondition']) {
    repaired = replaceListAttributes(repaired, kind, (items) =>
      items
        .map((item) => {
          if (!item.startsWith('{') || !item.endsWith('}')) {
            throw new HclRenderError(`a ${kind} that is not an object`, item);
          }
          return `${kind} {\n${item.slice(1, -1).trim()}\n}`;
        })
        .join('\n'),
    );
  }
  return repaired;
}

/**
 * cdktf renders `terraform { required_version = "…" }` as `0 = "required_version"` (the key's index and name):
 * puts each named attribute back with its value. Refuses output where the attribute is in neither form.
 */
export function restoreTerraformAttributes(hcl: string, attributes: Readonly<Record<string, string>>): string {
  let repaired = hcl;
  for (const [name, value] of Object.entries(attributes)) {
    const broken = new RegExp(`^([ \\t]*)\\d+ = "${name}"$`, 'm');
    const line = `${name} = ${JSON.stringify(value)}`;
    if (broken.test(repaired)) repaired = repaired.replace(broken, `$1${line}`);
    else if (!repaired.includes(line)) throw new HclRenderError(`no terraform ${name} in the output`, hcl.slice(0, 80));
  }
  return repaired;
}

/** Every quoted string that is exactly one `${expr}` becomes the bare `expr` (the HCL spec's own rule). */
export function unwrapInterpolationOnly(hcl: string): string {
  let out = '';
  let at = 0;
  while (at < hcl.length) {
    const char = hcl[at];
    if (char === '<' && hcl.startsWith('<<', at)) {
      throw new HclRenderError('a heredoc (keep descriptions on one line)', hcl.slice(at, at + 60));
    }
    if (char !== '"') {
      out += char;
      at++;
      continue;
    }
    const end = endOfQuotedTemplate(hcl, at);
    const body = hcl.slice(at + 1, end - 1);
    const onlyInterpolation = body.startsWith('${') && endOfInterpolation(body, 0) === body.length;
    out += onlyInterpolation ? body.slice(2, -1).trim() : hcl.slice(at, end);
    at = end;
  }
  return out;
}

/**
 * Replaces each `<name> = [ … ]` attribute (at the start of a line) by `render(items)`, where items are the
 * list's top-level elements as text.
 */
function replaceListAttributes(hcl: string, name: string, render: (items: string[]) => string): string {
  const head = new RegExp(`^[ \\t]*${name} = \\[`, 'gm');
  let out = '';
  let copied = 0;
  for (let match = head.exec(hcl); match !== null; match = head.exec(hcl)) {
    const open = match.index + match[0].length - 1;
    const close = endOfBracketed(hcl, open);
    out += hcl.slice(copied, match.index) + render(listItems(hcl.slice(open + 1, close - 1)));
    copied = close;
    head.lastIndex = close;
  }
  return out + hcl.slice(copied);
}

/** The top-level elements of a list's inner text, split on commas outside strings and brackets. */
function listItems(inner: string): string[] {
  const items: string[] = [];
  let start = 0;
  let at = 0;
  while (at < inner.length) {
    const char = inner[at] as string;
    if (char === '"') at = endOfQuotedTemplate(inner, at);
    else if (char === '[' || char === '{' || char === '(') at = endOfBracketed(inner, at);
    else {
      if (char === ',') {
        items.push(inner.slice(start, at));
        start = at + 1;
      }
      at++;
    }
  }
  items.push(inner.slice(start));
  return items.map((item) => item.trim()).filter((item) => item !== '');
}
