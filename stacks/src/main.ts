// The CDKTF app: `cdktf synth|deploy caller-stack` runs this file compiled (cdktf.json "app").
import { App } from 'cdktf';
import { CallerStack } from './stacks/caller-stack';
import { chooseStateBackend } from './stacks/state-backend';
import { synthOptionsFromContext } from './stacks/synth-options';

export const CALLER_STACK_NAME = 'caller-stack';

const app = new App();
new CallerStack(app, CALLER_STACK_NAME, {
  ...synthOptionsFromContext((key) => app.node.tryGetContext(key)),
  stateBackend: chooseStateBackend(CALLER_STACK_NAME, process.env),
});
app.synth();
