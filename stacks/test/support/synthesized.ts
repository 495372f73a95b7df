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

/**
 * A block's config as a spec reads it. The JSON is not validated: `Config` names the fields a spec
 * relies on (a wrong guess fails that spec's assertions), and defaults to fields of unknown type.
 */
export type Config = Record<string, unknown>;

/** Every resource of a type as [logicalId, config] pairs (empty when there is none). */
export function resourcesOf<T extends object = Config>(synth: Synthesized, type: string): Array<[string, T]> {
  return Object.entries(synth.resource?.[type] ?? {}) as Array<[string, T]>;
}

export function dataOf<T extends object = Config>(synth: Synthesized, type: string): Array<[string, T]> {
  return Object.entries(synth.data?.[type] ?? {}) as Array<[string, T]>;
}

/** The single resource of a type whose logical id contains `idPart`; throws when not exactly one. */
export function oneResource<T extends object = Config>(synth: Synthesized, type: string, idPart = ''): [string, T] {
  const matches = resourcesOf<T>(synth, type).filter(([id]) => id.includes(idPart));
  const [only] = matches;
  if (matches.length !== 1 || only === undefined) {
    throw new Error(
      `expected one ${type} with id containing "${idPart}", found ${matches.map(([id]) => id).join(', ') || 'none'}`,
    );
  }
  return only;
}

/** The first data source of a type whose logical id satisfies `match`; throws when there is none. */
export function firstData<T extends object = Config>(
  synth: Synthesized,
  type: string,
  match: (logicalId: string) => boolean,
): [string, T] {
  const found = dataOf<T>(synth, type).find(([id]) => match(id));
  if (!found) throw new Error(`no ${type} data source with a matching id`);
  return found;
}

/** `${aws_x.id.attr}` → the reference string Terraform would resolve, for comparing wiring. */
export function ref(type: string, logicalId: string, attribute: string): string {
  return `\${${type}.${logicalId}.${attribute}}`;
}
