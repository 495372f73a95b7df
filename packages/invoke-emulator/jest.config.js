// The emulator specs start worker threads by the hundred (200 concurrent invocations) and real SDK clients:
// one file at a time, with room for a cold 200-wide burst on two cores.
module.exports = { ...require('../../jest.preset.js'), maxWorkers: 1, testTimeout: 120000 };
