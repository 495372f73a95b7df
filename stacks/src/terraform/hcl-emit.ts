/**
 * Native HCL for the parts of a module whose shape is fixed (variables, outputs, the terraform block), from
 * cdktf's JSON synth, which is correct where its HCL renderer is not: literal text is escaped, `${…}` parts
 * are kept as written, and an interpolation-only value becomes the bare expression.
 */
import { HclRenderError } from '../errors';
import { templateParts } from './hcl-scan';

/** A variable as the JSON synth holds it. */
export interface JsonVariable {
  readonly type?: string;
  readonly description?: string;
  readonly default?: unknown;
  readonly nullable?: boolean;
  readonly sensitive?: boolean;
  readonly validation?: ReadonlyArray<{ readonly condition: string; readonly error_message: string }>;
}

/** An output as the JSON synth holds it. */
export interface JsonOutput {
  readonly value: unknown;
  readonly description?: string;
  readonly sensitive?: boolean;
}

function escapeLiteral(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t');
}

/** A Terraform JSON string value as HCL: the bare expression when it is one interpolation, else a template. */
export function hclString(template: string): string {
  const parts = templateParts(template);
  const [only] = parts;
  if (parts.length === 1 && only?.kind === 'interpolation') return only.expression.trim();
  const body = parts.map((part) => (part.kind === 'literal' ? escapeLiteral(part.text) : `\${${part.expression}}`));
  return `"${body.join('')}"`;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** A JSON value (a default, an output value) as an HCL expression. */
export function hclValue(value: unknown, indent = ''): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return hclString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => `${inner}${hclValue(item, inner)},`).join('\n')}\n${indent}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '{}';
    const lines = entries.map(([key, item]) => {
      const name = IDENTIFIER.test(key) ? key : JSON.stringify(key);
      return `${inner}${name} = ${hclValue(item, inner)}`;
    });
    return `{\n${lines.join('\n')}\n${indent}}`;
  }
  throw new HclRenderError(`a ${typeof value} value`, String(value));
}

/** `variable "<name>" { type, description, default, nullable, sensitive, validation… }`, in that order. */
export function renderVariable(name: string, variable: JsonVariable): string {
  const lines = [`variable "${name}" {`];
  // A type constraint is an expression in HCL (list(string)), a plain string in the JSON synth.
  if (variable.type) lines.push(`type = ${variable.type}`);
  if (variable.description) lines.push(`description = ${hclValue(variable.description)}`);
  if ('default' in variable) lines.push(`default = ${hclValue(variable.default)}`);
  if (variable.nullable !== undefined) lines.push(`nullable = ${variable.nullable}`);
  if (variable.sensitive) lines.push('sensitive = true');
  for (const rule of variable.validation ?? []) {
    lines.push('', 'validation {', `condition = ${hclString(rule.condition)}`);
    lines.push(`error_message = ${hclValue(rule.error_message)}`, '}');
  }
  lines.push('}');
  return lines.join('\n');
}

/** `output "<name>" { description, value, sensitive }`. */
export function renderOutput(name: string, output: JsonOutput): string {
  const lines = [`output "${name}" {`];
  if (output.description) lines.push(`description = ${hclValue(output.description)}`);
  lines.push(`value = ${hclValue(output.value)}`);
  if (output.sensitive) lines.push('sensitive = true');
  lines.push('}');
  return lines.join('\n');
}

/** The module's `terraform` block: Terraform's floor and the AWS provider's source and range, no backend. */
export function renderTerraformBlock(requiredVersion: string, awsSource: string, awsRange: string): string {
  return [
    'terraform {',
    `required_version = ${JSON.stringify(requiredVersion)}`,
    '',
    'required_providers {',
    'aws = {',
    `source = ${JSON.stringify(awsSource)}`,
    `version = ${JSON.stringify(awsRange)}`,
    '}',
    '}',
    '}',
  ].join('\n');
}
