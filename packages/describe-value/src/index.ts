/** @lambda-keepalive/describe-value — one rendering of rejected values for the project's error messages. */
export { describeValue, type ValueRendering } from './describe-value';
