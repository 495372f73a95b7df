/**
 * Removes lab namespaces left by earlier runs that died without cleaning up (SIGKILL, power loss, a
 * crash in the exit hook). A namespace is a leftover when its run's owner process is gone, or when its
 * run has no owner record at all (records are written before the first namespace). Namespaces of a
 * live parallel run are left alone.
 */
import { deleteNamespace, listNamespaces, namespacePids } from './namespace-commands';
import { DEFAULT_OWNER_DIRECTORY, isOwnerAlive, readOwnerRecord, removeOwnerRecord } from './owner-record';
import { parseNamespaceName } from './topology';

export async function cleanupLeftoverLabs(ownerDirectory = DEFAULT_OWNER_DIRECTORY): Promise<string[]> {
  const byRun = new Map<string, string[]>();
  for (const name of await listNamespaces()) {
    const parsed = parseNamespaceName(name);
    if (parsed) byRun.set(parsed.runId, [...(byRun.get(parsed.runId) ?? []), name]);
  }
  const removed: string[] = [];
  for (const [runId, names] of byRun) {
    const owner = await readOwnerRecord(runId, ownerDirectory);
    if (owner && isOwnerAlive(owner)) continue;
    for (const name of names) {
      // Processes of the dead run (an orphaned emulator, say) would keep the namespace alive.
      for (const pid of await namespacePids(name)) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
      await deleteNamespace(name);
      removed.push(name);
    }
    await removeOwnerRecord(runId, ownerDirectory);
  }
  return removed;
}
