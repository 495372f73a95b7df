/**
 * Errors raised while building the CDKTF app. Every one extends StacksError so callers can catch the
 * family; each keeps `cause` (ES2022 error cause) when it wraps another failure.
 */
export class StacksError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A construct or stack option broke a rule. Names the field, the value and the rule. */
export class InvalidStackOptionError extends StacksError {
  readonly field: string;
  readonly value: unknown;
  readonly rule: string;

  constructor(field: string, value: unknown, rule: string, options?: { cause?: unknown }) {
    super(`${field} = ${JSON.stringify(value)} is invalid: ${rule}`, options);
    this.field = field;
    this.value = value;
    this.rule = rule;
  }
}

/** A Lambda bundle's deployment zip the app must package is missing (the bundles are built by `pnpm build`). */
export class MissingBundleError extends StacksError {
  readonly bundleDir: string;

  constructor(bundleDir: string, options?: { cause?: unknown }) {
    super(
      `bundle directory ${bundleDir} has no lambda.zip: run \`pnpm build\` (or \`pnpm --filter ` +
        `@lambda-keepalive/caller --filter @lambda-keepalive/callee build\`) before synth`,
      options,
    );
    this.bundleDir = bundleDir;
  }
}

/** HCL text the module generator or the HCL repair cannot handle; names what it met and where. */
export class HclRenderError extends StacksError {
  readonly found: string;
  readonly near: string;

  constructor(found: string, near: string, options?: { cause?: unknown }) {
    super(`cannot render HCL: found ${found} near ${JSON.stringify(near)}`, options);
    this.found = found;
    this.near = near;
  }
}
