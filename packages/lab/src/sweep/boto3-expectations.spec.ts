/**
 * checkBoto3Expectations: below the idle limit every boto3 row is ok; past it the verdict depends on the
 * client and the kernel profile; any other verdict, or a callee run twice, fails naming the cell.
 */
import { cellResult } from '../../test/support/cell-results';
import { checkBoto3Expectations, expectedBoto3Verdict } from './boto3-expectations';

describe('boto3 expectations', () => {
  it.each([
    ['boto3-default', 'linux-default', 400, 'hung'],
    ['boto3-default', 'low', 400, 'hung'],
    ['boto3-tcp-keepalive', 'linux-default', 400, 'hung'],
    ['boto3-tcp-keepalive', 'low', 400, 'ok'],
    ['boto3-config-keepalive', 'linux-default', 900, 'hung'],
    ['boto3-config-keepalive', 'low', 900, 'ok'],
    ['boto3-keepidle', 'linux-default', 900, 'ok'],
    ['boto3-default', 'linux-default', 340, 'ok'],
    ['keepalive-off', 'linux-default', 400, undefined],
  ] as const)('%s under %s at %d s is expected %s', (client, kernelProfile, durationSeconds, verdict) => {
    expect(expectedBoto3Verdict(cellResult({ path: 'nat', client, kernelProfile, durationSeconds }))).toBe(verdict);
  });

  it('passes matching rows and fails a wrong verdict or a second execution, naming the cells', () => {
    const good = [
      cellResult({ path: 'nat', client: 'boto3-tcp-keepalive', kernelProfile: 'low', durationSeconds: 400 }),
      cellResult(
        { path: 'nat', client: 'boto3-tcp-keepalive', kernelProfile: 'linux-default', durationSeconds: 400 },
        { verdict: 'hung' },
      ),
    ];
    expect(checkBoto3Expectations(good)).toEqual([]);
    const failures = checkBoto3Expectations([
      ...good,
      cellResult({ path: 'endpoint', client: 'boto3-default', kernelProfile: 'linux-default', durationSeconds: 600 }),
      cellResult(
        { path: 'endpoint', client: 'boto3-keepidle', kernelProfile: 'linux-default', durationSeconds: 300 },
        { executions: 2 },
      ),
    ]);
    expect(failures).toHaveLength(1);
    expect(failures[0]?.rule).toBe('boto3-rows-unexpected');
    expect(failures[0]?.cells).toEqual([
      'endpoint/boto3-default@linux-default/600s',
      'endpoint/boto3-keepidle@linux-default/300s',
    ]);
    expect(failures[0]?.message).toMatch(/600s ok ×1 \(expected hung ×1\).*300s ok ×2 \(expected ok ×1\)/);
  });
});
