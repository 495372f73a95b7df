/** Read-only views over `Testing.synth*` JSON, so specs assert on Terraform's own names. */
export interface Synthesized {
  resource?: Record<string, Record<string, Record<string, unknown>>>;
  data?: Record<string, Record<string, Record<string, unknown>>>;
  variable?: Record<string, Record<string, unknown>>;
  output?: Record<string, { value: unknown; description?: string }>;
  provider?: Record<string, Array<Record<string, unknown>>>;
  terraform?: { backend?: Record<string, Record<string, unknown>> };
}

export function parseSynth(json: string): Synthesized {
  return JSON.parse(json) as Synthesized;
}

/** Every resource of a type as [logicalId, config] pairs (empty when there is none). */
export function resourcesOf(synth: Synthesized, type: string): Array<[string, Record<string, any>]> {
  return Object.entries(synth.resource?.[type] ?? {});
}

export function dataOf(synth: Synthesized, type: string): Array<[string, Record<string, any>]> {
  return Object.entries(synth.data?.[type] ?? {});
}

/** The single resource of a type whose logical id contains `idPart`; throws when not exactly one. */
export function oneResource(synth: Synthesized, type: string, idPart = ''): [string, Record<string, any>] {
  const matches = resourcesOf(synth, type).filter(([id]) => id.includes(idPart));
  if (matches.length !== 1) {
    throw new Error(
      `expected one ${type} with id containing "${idPart}", found ${matches.map(([id]) => id).join(', ') || 'none'}`,
    );
  }
  return matches[0]!;
}

/** `${aws_x.id.attr}` → the reference string Terraform would resolve, for comparing wiring. */
export function ref(type: string, logicalId: string, attribute: string): string {
  return `\${${type}.${logicalId}.${attribute}}`;
}
