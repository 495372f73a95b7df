/** jest settings: the shared preset. */
module.exports = require('../../jest.preset.js');
