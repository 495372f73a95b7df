/** The idle-limit finder (`./run lab find-limit`): the search, its rounds through the caller's diagnostic. */
export { type FindLimitOptions, type FindLimitResult, runFindLimit } from './run';
