// These specs build network namespaces and time flows against the kernel's conntrack timeouts: one file at
// a time, so the two cores are not shared between jest workers while a flow is being timed.
module.exports = { ...require('../../jest.preset.js'), maxWorkers: 1, testTimeout: 120000 };
