// Jest for @lambda-keepalive/client: the workspace preset plus the test-kit's cross-realm-errors setup file.
module.exports = {
  ...require('../../jest.preset.js'),
  // Sources import siblings as './x.js' (NodeNext style, which the ESM build needs); jest finds the .ts.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  // Node core errors must stay `instanceof Error` inside jest's sandbox (see the file's comment).
  setupFiles: [require.resolve('@lambda-keepalive/test-kit/cross-realm-errors')],
};
