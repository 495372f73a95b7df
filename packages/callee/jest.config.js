// Jest for @lambda-keepalive/callee: the workspace preset (ts-jest, specs under src/ and test/) as it is.
module.exports = { ...require('../../jest.preset.js') };
