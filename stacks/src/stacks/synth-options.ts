/** The caller stack's synth-time options, read from cdktf.json's context. */
import { InvalidStackOptionError } from '../errors';
import type { CallerStackProps } from './caller-stack';

/**
 * Synth-time options read from cdktf.json's "context" (so they change without a code edit). They alter the
 * shape of the graph — how many NAT gateways, which CIDRs — so they are not Terraform variables.
 *   { "context": { "natGatewayPerAz": true, "vpcCidr": "10.20.0.0/16", "logRetentionDays": 30,
 *                  "namePrefix": "lk-demo" } }
 */
export function synthOptionsFromContext(tryGetContext: (key: string) => unknown): CallerStackProps {
  const natGatewayPerAz = optional(tryGetContext, 'natGatewayPerAz', 'boolean');
  const vpcCidr = optional(tryGetContext, 'vpcCidr', 'string');
  const logRetentionDays = optional(tryGetContext, 'logRetentionDays', 'number');
  const namePrefix = optional(tryGetContext, 'namePrefix', 'string');
  return {
    ...(natGatewayPerAz === undefined ? {} : { natGatewayPerAz }),
    ...(vpcCidr === undefined ? {} : { vpcCidr }),
    ...(logRetentionDays === undefined ? {} : { logRetentionDays }),
    ...(namePrefix === undefined ? {} : { namePrefix }),
  };
}

type TypeName = 'boolean' | 'string' | 'number';
type TypeOf<T extends TypeName> = T extends 'boolean' ? boolean : T extends 'string' ? string : number;

function optional<T extends TypeName>(
  tryGetContext: (key: string) => unknown,
  key: string,
  type: T,
): TypeOf<T> | undefined {
  const value = tryGetContext(key);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== type) {
    throw new InvalidStackOptionError(`cdktf.json context.${key}`, value, `a ${type}`);
  }
  return value as TypeOf<T>;
}
