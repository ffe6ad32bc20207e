/** qingdan's runtime: load a verified policy bundle and decide planned data exports. */
export { Policy } from './policy.js';
export { PolicyLoadError, InvalidRequestError, type PolicyLoadErrorCode } from './errors.js';
export { loadBundle, openBundle, type PolicyBundle } from './load.js';
export type * from './artifact.js';
export type * from './request.js';
