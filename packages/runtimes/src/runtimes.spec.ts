/** The runtime list: its entries are consistent, the default is listed, and unknown names are refused clearly. */
import {
  DEFAULT_RUNTIME,
  OLDEST_RUNTIME,
  RUNTIME_NAMES,
  runtimeNamed,
  SUPPORTED_RUNTIMES,
  UnsupportedRuntimeError,
} from './index';

describe('supported Lambda runtimes', () => {
  it('lists nodejs22.x, nodejs24.x and nodejs26.x, oldest first, each with its exact Node release', () => {
    expect(RUNTIME_NAMES).toEqual(['nodejs22.x', 'nodejs24.x', 'nodejs26.x']);
    for (const runtime of SUPPORTED_RUNTIMES) {
      expect(runtime.node).toMatch(new RegExp(`^${runtime.major}\\.\\d+\\.\\d+$`));
      expect(runtime.esbuildTarget).toBe(`node${runtime.major}`);
    }
    expect(OLDEST_RUNTIME.name).toBe('nodejs22.x');
  });

  it('deploys nodejs24.x by default', () => {
    expect(DEFAULT_RUNTIME).toMatchObject({ name: 'nodejs24.x', major: 24, esbuildTarget: 'node24' });
  });

  it('finds a runtime by name and refuses others, naming the field and the allowed names', () => {
    expect(runtimeNamed('nodejs26.x').node).toMatch(/^26\./);
    expect(() => runtimeNamed('nodejs20.x', '--runtime')).toThrow(
      '--runtime "nodejs20.x" is invalid: must be one of nodejs22.x, nodejs24.x, nodejs26.x',
    );
    expect(() => runtimeNamed(undefined)).toThrow(UnsupportedRuntimeError);
  });
});
