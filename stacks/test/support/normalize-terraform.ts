/**
 * Test support: Terraform configuration as @cdktf/hcl2json parses HCL and as cdktf's JSON synth writes it,
 * brought onto one shape so the two can be compared: one-block arrays unwrapped, `${type}` and `${ref}` in
 * type and depends_on unwrapped, the formatter's spacing inside expressions dropped, cdktf's `//` metadata out.
 */

/** hclwrite re-spaces expressions (`{"a" = b}` → `{ "a" = b }`): drop blanks outside string literals. */
function squeezeExpressionSpace(template: string): string {
  let out = '';
  let depth = 0; // > 0: inside ${…}
  let inString = false;
  for (let at = 0; at < template.length; at++) {
    const char = template[at] as string;
    if (depth === 0) {
      if (char === '$' && template[at + 1] === '{') {
        depth = 1;
        out += '${';
        at++;
      } else out += char;
      continue;
    }
    if (inString) {
      out += char;
      if (char === '\\') out += template[++at];
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === '{') depth++;
    else if (char === '}') depth--;
    else if (/\s/.test(char)) continue;
    out += char;
  }
  return out;
}

const unwrapInterpolation = (text: string): string => text.replace(/^\$\{(.*)\}$/s, '$1');

export function normalizeTerraform(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) {
    if (key === 'depends_on') return value.map((item) => unwrapInterpolation(String(item)));
    const [first] = value;
    if (value.length === 1 && first !== null && typeof first === 'object' && !Array.isArray(first)) {
      return normalizeTerraform(first, key);
    }
    return value.map((item) => normalizeTerraform(item));
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([name]) => name !== '//')
        .map(([name, item]) => [name, normalizeTerraform(item, name)]),
    );
  }
  if (typeof value === 'string') {
    if (key === 'type') return unwrapInterpolation(value);
    if (value.includes('${')) return squeezeExpressionSpace(value);
  }
  return value;
}
