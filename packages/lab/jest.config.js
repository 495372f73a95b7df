// Lab tests create network namespaces and time-scaled flows; run them one file at a time so scaled
// timings are not skewed by the two cores being shared between jest workers.
module.exports = { ...require('../../jest.preset.js'), maxWorkers: 1, testTimeout: 120000 };
