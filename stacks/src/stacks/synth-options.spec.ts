/** synthOptionsFromContext: only the options present in the context, and a wrong type refused naming the key. */
import { InvalidStackOptionError } from '../errors';
import { synthOptionsFromContext } from './synth-options';

const contextOf = (values: Record<string, unknown>) => (key: string) => values[key];

describe('synthOptionsFromContext', () => {
  it('returns only the options present', () => {
    expect(synthOptionsFromContext(contextOf({}))).toEqual({});
    expect(
      synthOptionsFromContext(
        contextOf({ natGatewayPerAz: true, vpcCidr: '10.20.0.0/16', logRetentionDays: 30, namePrefix: 'lk', other: 1 }),
      ),
    ).toEqual({ natGatewayPerAz: true, vpcCidr: '10.20.0.0/16', logRetentionDays: 30, namePrefix: 'lk' });
  });

  it('rejects a value of the wrong type, naming the context key', () => {
    expect(() => synthOptionsFromContext(contextOf({ natGatewayPerAz: 'yes' }))).toThrow(InvalidStackOptionError);
    expect(() => synthOptionsFromContext(contextOf({ natGatewayPerAz: 'yes' }))).toThrow(
      'cdktf.json context.natGatewayPerAz = "yes" is invalid: a boolean',
    );
  });
});
