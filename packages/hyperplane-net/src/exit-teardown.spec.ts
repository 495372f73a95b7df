/**
 * The exit teardown registry on a fake process: handlers only while labs are live, every lab destroyed on
 * a signal or exit (one failing does not stop the rest), the signal re-raised unless someone else handles it.
 */
import { EventEmitter } from 'node:events';
import { createExitTeardown, type ProcessLike } from './exit-teardown';

function fakeProcess(): ProcessLike & { kills: Array<[number, string | undefined]>; emitter: EventEmitter } {
  const emitter = new EventEmitter();
  const kills: Array<[number, string | undefined]> = [];
  return {
    pid: 4242,
    emitter,
    kills,
    on: (event, listener) => emitter.on(event, listener),
    removeListener: (event, listener) => emitter.removeListener(event, listener),
    listenerCount: (event) => emitter.listenerCount(event),
    kill: (pid, signal) => kills.push([pid, signal]),
  };
}

describe('exit teardown registry', () => {
  it('installs handlers only while labs are live', () => {
    const target = fakeProcess();
    const teardown = createExitTeardown(target);
    const lab = { destroySync: jest.fn() };
    expect(target.emitter.listenerCount('SIGINT')).toBe(0);
    teardown.register(lab);
    expect(target.emitter.listenerCount('SIGINT')).toBe(1);
    expect(target.emitter.listenerCount('exit')).toBe(1);
    teardown.unregister(lab);
    expect(target.emitter.listenerCount('SIGINT')).toBe(0);
    expect(lab.destroySync).not.toHaveBeenCalled();
  });

  it('on SIGTERM destroys every live lab, then re-raises the signal', () => {
    const target = fakeProcess();
    const teardown = createExitTeardown(target);
    const first = { destroySync: jest.fn() };
    const second = {
      destroySync: jest.fn(() => {
        throw new Error('boom');
      }),
    };
    const third = { destroySync: jest.fn() };
    for (const lab of [first, second, third]) teardown.register(lab);
    target.emitter.emit('SIGTERM', 'SIGTERM');
    expect([first, second, third].map((lab) => lab.destroySync.mock.calls.length)).toEqual([1, 1, 1]);
    expect(target.kills).toEqual([[4242, 'SIGTERM']]);
    expect(teardown.liveCount()).toBe(0);
  });

  it('does not re-raise when another listener handles the signal', () => {
    const target = fakeProcess();
    const teardown = createExitTeardown(target);
    target.emitter.on('SIGINT', () => undefined);
    teardown.register({ destroySync: jest.fn() });
    target.emitter.emit('SIGINT', 'SIGINT');
    expect(target.kills).toEqual([]);
  });

  it('on exit destroys live labs synchronously', () => {
    const target = fakeProcess();
    const teardown = createExitTeardown(target);
    const lab = { destroySync: jest.fn() };
    teardown.register(lab);
    target.emitter.emit('exit', 0);
    expect(lab.destroySync).toHaveBeenCalledTimes(1);
  });
});
