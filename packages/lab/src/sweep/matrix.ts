/** What a sweep is made of: kernel profiles × network paths × clients × callee durations (real-equivalent s). */
import type { KernelProfileName, LabCell, LabPath } from '../harness';

/** Straddles the 350 s idle limit closely (340 / 360) and reaches Lambda's 900 s maximum. */
export const DEFAULT_DURATIONS_SECONDS: readonly number[] = [100, 300, 340, 360, 400, 600, 900];

export interface ProfileSelection {
  /** The run's kernel profiles; every client runs under each unless pinned. */
  profiles: readonly KernelProfileName[];
  /** Clients declared with a kernelProfile run under that one only (command-client.ts). */
  pinned?: ReadonlyMap<string, KernelProfileName>;
}

/**
 * Row-major: path, then client, then kernel profile, then duration — the order of the table and of
 * results.json. Without a profile selection the cells name no profile (the new namespace's kernel defaults).
 */
export function buildCells(
  paths: readonly LabPath[],
  clients: readonly string[],
  durations: readonly number[],
  selection?: ProfileSelection,
): LabCell[] {
  return paths.flatMap((path) =>
    clients.flatMap((client) => {
      const pinned = selection?.pinned?.get(client);
      const profiles: Array<KernelProfileName | undefined> =
        selection === undefined ? [undefined] : pinned !== undefined ? [pinned] : [...selection.profiles];
      return profiles.flatMap((kernelProfile) =>
        durations.map((durationSeconds) => ({
          path,
          client,
          ...(kernelProfile === undefined ? {} : { kernelProfile }),
          durationSeconds,
        })),
      );
    }),
  );
}
