// Node's modules in the self-assessment page's bundle (see bundle.ts): the runtime imports them
// to read files, which the page never does; any use throws.
module.exports = new Proxy({}, { get: (_, name) => () => { throw new Error(`node:${String(name)} is not available in the page`); } });
