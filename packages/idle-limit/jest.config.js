// Jest for @lambda-keepalive/idle-limit: the workspace preset (ts-jest, specs under src/ and test/) as it is.
module.exports = require('../../jest.preset.js');
