/**
 * Removes live labs when the process ends: on 'exit' (normal end, process.exit, uncaught exception) and on
 * SIGINT / SIGTERM / SIGHUP (Ctrl-C, kill, closed terminal). Signal handlers destroy synchronously, then
 * re-raise the signal when nobody else listens, so the process still dies of it (exit code 128+n) and
 * no namespace outlives the run. Handlers are installed only while at least one lab is live.
 */
export interface SyncDestroyable {
  destroySync(): void;
}

/** The part of `process` the registry needs; injectable so tests can emit signals without dying. */
export interface ProcessLike {
  pid: number;
  on(event: string, listener: (signal: NodeJS.Signals) => void): unknown;
  removeListener(event: string, listener: (signal: NodeJS.Signals) => void): unknown;
  listenerCount(event: string): number;
  kill(pid: number, signal?: NodeJS.Signals): unknown;
}

export const TEARDOWN_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export interface ExitTeardown {
  register(lab: SyncDestroyable): void;
  unregister(lab: SyncDestroyable): void;
  destroyAll(): void;
  liveCount(): number;
}

export function createExitTeardown(target: ProcessLike = process): ExitTeardown {
  const live = new Set<SyncDestroyable>();
  let installed = false;

  const destroyAll = (): void => {
    for (const lab of [...live]) {
      live.delete(lab);
      try {
        lab.destroySync();
      } catch {
        // Keep going: the other labs must still be removed.
      }
    }
  };

  const onExit = (): void => destroyAll();
  const onSignal = (signal: NodeJS.Signals): void => {
    destroyAll();
    uninstall();
    // Other listeners (e.g. the lab runner's own Ctrl-C handling) decide the exit themselves.
    if (target.listenerCount(signal) === 0) target.kill(target.pid, signal);
  };

  function install(): void {
    if (installed) return;
    installed = true;
    target.on('exit', onExit);
    for (const signal of TEARDOWN_SIGNALS) target.on(signal, onSignal);
  }

  function uninstall(): void {
    if (!installed) return;
    installed = false;
    target.removeListener('exit', onExit);
    for (const signal of TEARDOWN_SIGNALS) target.removeListener(signal, onSignal);
  }

  return {
    register(lab) {
      live.add(lab);
      install();
    },
    unregister(lab) {
      live.delete(lab);
      if (live.size === 0) uninstall();
    },
    destroyAll,
    liveCount: () => live.size,
  };
}

/** The process-wide registry used by createLabNetwork. */
export const processExitTeardown: ExitTeardown = createExitTeardown();
