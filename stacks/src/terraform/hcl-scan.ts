/**
 * A small scanner for the HCL that cdktf 0.21 renders: where a quoted template or an interpolation ends, and a
 * Terraform template split into literal text and `${…}` parts. Enough to repair cdktf's output and to emit
 * variables and outputs, without a full HCL parser (the tests parse the results with @cdktf/hcl2json).
 */
import { HclRenderError } from '../errors';

export type TemplatePart =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'interpolation'; readonly expression: string };

/** The index just after the `}` that closes the `${` starting at `start` (text[start] is `$` or `%`). */
export function endOfInterpolation(text: string, start: number): number {
  let depth = 0;
  let at = start + 1;
  while (at < text.length) {
    const char = text[at];
    if (char === '{') depth++;
    else if (char === '}') {
      depth--;
      if (depth === 0) return at + 1;
    } else if (char === '"') {
      at = endOfQuotedTemplate(text, at);
      continue;
    } else if (char === '<' && text.startsWith('<<', at)) {
      throw new HclRenderError('a heredoc inside an interpolation', text.slice(start, start + 60));
    }
    at++;
  }
  throw new HclRenderError('an unterminated interpolation', text.slice(start, start + 60));
}

/** The index just after the closing quote of the quoted template that starts at text[start] === '"'. */
export function endOfQuotedTemplate(text: string, start: number): number {
  let at = start + 1;
  while (at < text.length) {
    const char = text[at];
    const next = text[at + 1];
    if (char === '\\') at += 2;
    else if (char === '"') return at + 1;
    else if ((char === '$' || char === '%') && next === char && text[at + 2] === '{')
      at += 3; // "$${" is literal
    else if ((char === '$' || char === '%') && next === '{') at = endOfInterpolation(text, at);
    else at++;
  }
  throw new HclRenderError('an unterminated string', text.slice(start, start + 60));
}

/** The index just after the bracket that closes the one at text[start] (`[`, `{` or `(`), skipping strings. */
export function endOfBracketed(text: string, start: number): number {
  const closing: Record<string, string> = { '[': ']', '{': '}', '(': ')' };
  const stack: string[] = [];
  let at = start;
  while (at < text.length) {
    const char = text[at] as string;
    if (char === '"') {
      at = endOfQuotedTemplate(text, at);
      continue;
    }
    const close = closing[char];
    if (close) stack.push(close);
    else if (char === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 0) return at + 1;
    }
    at++;
  }
  throw new HclRenderError('an unclosed bracket', text.slice(start, start + 60));
}

/** A Terraform JSON-syntax template (a string value of the JSON synth) as literal and interpolation parts. */
export function templateParts(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let literal = '';
  let at = 0;
  while (at < template.length) {
    const char = template[at];
    const next = template[at + 1];
    if ((char === '$' || char === '%') && next === char && template[at + 2] === '{') {
      literal += `${char}${char}{`; // an escaped "$${" / "%%{" stays literal text
      at += 3;
    } else if (char === '%' && next === '{') {
      throw new HclRenderError('a template directive (%{…}), which the emitter does not support', template);
    } else if (char === '$' && next === '{') {
      const end = endOfInterpolation(template, at);
      if (literal) parts.push({ kind: 'literal', text: literal });
      literal = '';
      parts.push({ kind: 'interpolation', expression: template.slice(at + 2, end - 1) });
      at = end;
    } else {
      literal += char;
      at++;
    }
  }
  if (literal) parts.push({ kind: 'literal', text: literal });
  return parts;
}
