/** buildCells: paths × clients × profiles × durations in table order; a pinned client runs under its profile only. */
import { buildCells } from './matrix';

describe('buildCells', () => {
  it('names no profile without a selection (the new namespace kernel defaults)', () => {
    expect(buildCells(['nat'], ['keepalive-client'], [100, 400])).toEqual([
      { path: 'nat', client: 'keepalive-client', durationSeconds: 100 },
      { path: 'nat', client: 'keepalive-client', durationSeconds: 400 },
    ]);
  });

  it('runs each client under each profile, a pinned one under its own only', () => {
    const cells = buildCells(['nat', 'endpoint'], ['boto3-default', 'mine'], [400], {
      profiles: ['linux-default', 'low'],
      pinned: new Map([['mine', 'low']]),
    });
    expect(cells.map((cell) => `${cell.path}/${cell.client}@${cell.kernelProfile}`)).toEqual([
      'nat/boto3-default@linux-default',
      'nat/boto3-default@low',
      'nat/mine@low',
      'endpoint/boto3-default@linux-default',
      'endpoint/boto3-default@low',
      'endpoint/mine@low',
    ]);
  });
});
