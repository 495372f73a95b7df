// Jest for @lambda-keepalive/test-kit: the workspace preset (ts-jest, specs under src/ and test/) as it is.
module.exports = require('../../jest.preset.js');
