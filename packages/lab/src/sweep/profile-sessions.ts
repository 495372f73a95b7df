/**
 * One lab session per kernel profile: the keepalive sysctls are per network namespace
 * (@lambda-keepalive/hyperplane-net tcp-keepalive-sysctls.ts), so cells under different profiles need
 * different vpc hosts. The sessions come up together (labs in parallel do not collide) and go down
 * together; if one cannot open, the others are closed before the error is rethrown.
 */
import type { TcpKeepaliveSettings } from '@lambda-keepalive/hyperplane-net';
import type { LambdaRuntime } from '@lambda-keepalive/runtimes';
import {
  type CommandClient,
  type KernelProfileName,
  type LabCell,
  type LabSession,
  openLabSession,
  type TimeScale,
} from '../harness';

export interface ProfileSessions {
  sessionOf(cell: LabCell): LabSession;
  /** Execution counts keyed `<profile>/<function>` (function names repeat across sessions' emulators). */
  executions(): Promise<Record<string, number>>;
  /** The vpc host's keepalive sysctls per profile, as read back. */
  kernel: Record<string, TcpKeepaliveSettings>;
  close(): Promise<void>;
}

export function executionKey(cell: LabCell & { functionName: string }): string {
  return profileKey(cell.kernelProfile, cell.functionName);
}

function profileKey(kernelProfile: KernelProfileName | undefined, functionName: string): string {
  return kernelProfile === undefined ? functionName : `${kernelProfile}/${functionName}`;
}

export async function openProfileSessions(options: {
  timeScale: TimeScale;
  cells: readonly LabCell[];
  runtime: LambdaRuntime;
  commandClients: readonly CommandClient[];
}): Promise<ProfileSessions> {
  const profiles = [...new Set(options.cells.map((cell) => cell.kernelProfile))];
  const commandClients = new Map(options.commandClients.map((client) => [client.name, client]));
  const sessions = new Map<KernelProfileName | undefined, LabSession>();
  const closeAll = async (): Promise<void> => {
    const closing = await Promise.allSettled([...sessions.values()].map((session) => session.close()));
    sessions.clear();
    const failed = closing.find((outcome) => outcome.status === 'rejected');
    if (failed !== undefined) throw (failed as PromiseRejectedResult).reason;
  };
  const opened = await Promise.allSettled(
    profiles.map(async (kernelProfile) => {
      const session = await openLabSession({
        timeScale: options.timeScale,
        cells: options.cells.filter((cell) => cell.kernelProfile === kernelProfile),
        runtime: options.runtime,
        commandClients,
        ...(kernelProfile === undefined ? {} : { kernelProfile }),
      });
      sessions.set(kernelProfile, session);
    }),
  );
  const failed = opened.find((outcome) => outcome.status === 'rejected');
  if (failed !== undefined) {
    await closeAll().catch(() => undefined);
    throw (failed as PromiseRejectedResult).reason;
  }
  return {
    sessionOf: (cell) => sessions.get(cell.kernelProfile) as LabSession,
    executions: async () => {
      const counts: Record<string, number> = {};
      for (const [kernelProfile, session] of sessions) {
        for (const [name, count] of Object.entries(await session.executions())) {
          counts[profileKey(kernelProfile, name)] = count;
        }
      }
      return counts;
    },
    kernel: Object.fromEntries([...sessions].map(([profile, session]) => [profile ?? 'unnamed', session.vpcKeepalive])),
    close: closeAll,
  };
}
