/** A NodeFunction's scalar settings (timeout, memory, log retention): Lambda's limits, the defaults, the checks. */
import { requireIntegerInRange, requireOneOf, requirePattern, unlessToken } from './option-rules';

/** Lambda limits (Lambda quotas page: timeout at most 900 s; docs/lambda-invoke-api.md). */
export const LAMBDA_MAX_TIMEOUT_SECONDS = 900;
export const LAMBDA_MEMORY_MIN_MB = 128;
export const LAMBDA_MEMORY_MAX_MB = 10240;
/** The only values CloudWatch Logs accepts for retention_in_days (0 = never expire). */
export const LOG_RETENTION_DAYS = [
  0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;
export type LogRetentionDays = (typeof LOG_RETENTION_DAYS)[number];

export const DEFAULT_MEMORY_MB = 256;
export const DEFAULT_LOG_RETENTION_DAYS: LogRetentionDays = 14;

export interface FunctionSettingsInput {
  readonly functionName: string;
  readonly timeoutSeconds: number;
  readonly memoryMb?: number;
  readonly logRetentionDays?: number;
}

export interface FunctionSettings {
  readonly functionName: string;
  readonly timeoutSeconds: number;
  readonly memoryMb: number;
  readonly logRetentionDays: number;
}

/** The Lambda function name rule (CreateFunction's FunctionName, unqualified). */
export const FUNCTION_NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const FUNCTION_NAME_RULE = '1 to 64 letters, digits, hyphens or underscores (Lambda function name rule)';

/**
 * Validates a NodeFunction's scalar settings and fills the defaults. `owner` prefixes the field names.
 * Tokens (Terraform variables of the generated module) pass: their validation blocks check them at plan time.
 */
export function resolveFunctionSettings(owner: string, input: FunctionSettingsInput): FunctionSettings {
  return {
    functionName: unlessToken(input.functionName, (value) =>
      requirePattern(`${owner}.functionName`, value, FUNCTION_NAME_PATTERN, FUNCTION_NAME_RULE),
    ),
    timeoutSeconds: unlessToken(input.timeoutSeconds, (value) =>
      requireIntegerInRange(`${owner}.timeoutSeconds`, value, 1, LAMBDA_MAX_TIMEOUT_SECONDS),
    ),
    memoryMb: unlessToken(input.memoryMb ?? DEFAULT_MEMORY_MB, (value) =>
      requireIntegerInRange(`${owner}.memoryMb`, value, LAMBDA_MEMORY_MIN_MB, LAMBDA_MEMORY_MAX_MB),
    ),
    logRetentionDays: unlessToken(input.logRetentionDays ?? DEFAULT_LOG_RETENTION_DAYS, (value) =>
      requireOneOf<number>(`${owner}.logRetentionDays`, value, LOG_RETENTION_DAYS),
    ),
  };
}
