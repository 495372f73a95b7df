/**
 * Gate for specs that need privileges (network namespaces, nftables and conntrack need root): checks once
 * and PRINTS why the suite skips when they are missing, so a skip never passes silently. CI runs as root,
 * so these suites must run there. The check itself is the caller's (hyperplane-net's checkLabPrivileges):
 * the kit stays free of production packages.
 */
export type PrivilegeCheck = () => Promise<{ ok: true } | { ok: false; reason: string }>;

/** Why `suite` cannot run here (printed), or undefined when it can. */
export async function skipReasonOf(suite: string, check: PrivilegeCheck): Promise<string | undefined> {
  const privileges = await check();
  if (privileges.ok) return undefined;
  console.warn(`${suite} skipped: ${privileges.reason}`);
  return privileges.reason;
}

export interface PrivilegeGate {
  /** Why the suite skips, or undefined; read it inside hooks and tests (it is set in a beforeAll). */
  readonly skipReason: string | undefined;
  /** `it`, whose body runs only when the privileges are there. */
  it(name: string, body: () => unknown, timeout?: number): void;
}

/**
 * Call at the top of the spec, BEFORE its own beforeAll: jest runs hooks in registration order, so the
 * suite's set-up can read `skipReason` and build nothing when the privileges are missing.
 */
export function privilegeGate(suite: string, check: PrivilegeCheck): PrivilegeGate {
  let skipReason: string | undefined;
  beforeAll(async () => {
    skipReason = await skipReasonOf(suite, check);
  });
  return {
    get skipReason() {
      return skipReason;
    },
    it(name, body, timeout) {
      it(
        name,
        async () => {
          if (skipReason !== undefined) return;
          await body();
        },
        timeout,
      );
    },
  };
}
