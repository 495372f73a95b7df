/**
 * Gate for specs that build real labs (network namespaces, nftables, conntrack need root): checks once and
 * PRINTS why the suite skips when the lab cannot be built here, so a skip never passes silently. We are root
 * in CI, so these suites must run there.
 */
import { checkLabPrivileges } from '../network/privileges';

/** Why `suite` cannot run here (printed), or undefined when it can. */
export async function labSkipReason(suite: string): Promise<string | undefined> {
  const privileges = await checkLabPrivileges();
  if (privileges.ok) return undefined;
  console.warn(`${suite} skipped: ${privileges.reason}`);
  return privileges.reason;
}

export interface LabPrivilegeGate {
  /** Why the suite skips, or undefined; read it inside hooks and tests (it is set in a beforeAll). */
  readonly skipReason: string | undefined;
  /** `it`, whose body runs only when the lab can be built here. */
  it(name: string, body: () => unknown, timeout?: number): void;
}

/**
 * Call at the top of the spec, BEFORE its own beforeAll: jest runs hooks in registration order, so the
 * suite's set-up can read `skipReason` and build nothing when the lab is unavailable.
 */
export function labPrivilegeGate(suite: string): LabPrivilegeGate {
  let skipReason: string | undefined;
  beforeAll(async () => {
    skipReason = await labSkipReason(suite);
  });
  return {
    get skipReason() {
      return skipReason;
    },
    it(name, body, timeout) {
      it(name, async () => {
        if (skipReason !== undefined) return;
        await body();
      }, timeout);
    },
  };
}
