// Jest for @lambda-keepalive/describe-value: the workspace preset (ts-jest, specs under src/ and test/) as it is.
module.exports = require('../../jest.preset.js');
