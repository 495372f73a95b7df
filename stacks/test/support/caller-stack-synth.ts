/** Test support: the caller stack synthesised with the real bundles, as `cdktf deploy caller-stack` would. */
import { Testing } from 'cdktf';
import { CallerStack, type CallerStackProps } from '../../src/stacks/caller-stack';
import { parseSynth, type Synthesized } from './synthesized';
import { ensureWorkspaceBundles } from './workspace-bundles';

export function synthCallerStack(props: CallerStackProps = {}): Synthesized {
  ensureWorkspaceBundles();
  const stack = new CallerStack(Testing.app(), 'caller-stack', props);
  return parseSynth(Testing.synth(stack));
}

/** The fields of the caller's and the callee's aws_lambda_function that the specs read. */
export interface LambdaFunctionConfig {
  runtime: string;
  timeout: number;
  vpc_config: { subnet_ids: string[] };
  environment: { variables: Record<string, string> };
}
