// The repository's own conventions that Biome does not check, as pure functions of a file's path and text:
// a file opens with its summary comment, reaches other packages only by name, cites only what a reader of
// the repository can open, and keeps lines within the formatter's width.

/** Biome's lineWidth; the formatter cannot wrap strings or comments, so this rule does. */
export const MAX_LINE_LENGTH = 120;

const SOURCE_FILE = /\.(ts|mts|cts|js|mjs|cjs)$/;
/** Documents that live outside the repository: a reader of the code cannot follow them. */
const OUTSIDE_DOCUMENT = /FACTS\.md|lk-contracts\.md|\.\.\/shared\//;

export function isSourceFile(path) {
  return SOURCE_FILE.test(path) && !path.endsWith('.d.ts');
}

/** Every rule's findings for one file: `{ rule, line, message }`, empty when the file is clean. */
export function checkFile(path, text) {
  const findings = [];
  const lines = text.split('\n');
  if (isSourceFile(path) && !opensWithComment(lines)) {
    findings.push({
      rule: 'summary-first',
      line: 1,
      message: 'the file must open with a comment saying what it is, before any import or code',
    });
  }
  lines.forEach((line, index) => {
    const at = index + 1;
    if (OUTSIDE_DOCUMENT.test(line)) {
      findings.push({
        rule: 'cite-inside',
        line: at,
        message: 'cites a document outside the repository; cite the primary source or docs/',
      });
    }
    if (isSourceFile(path)) {
      const reach = crossPackageImport(path, line);
      if (reach)
        findings.push({
          rule: 'package-by-name',
          line: at,
          message: `reaches another package by path (${reach}); import it by package name`,
        });
      if (line.length > MAX_LINE_LENGTH && !line.includes('://')) {
        findings.push({
          rule: 'line-length',
          line: at,
          message: `${line.length} characters (at most ${MAX_LINE_LENGTH})`,
        });
      }
    }
  });
  return findings;
}

function opensWithComment(lines) {
  const first = lines.findIndex((line, index) => !(index === 0 && line.startsWith('#!')) && line.trim() !== '');
  if (first < 0) return true;
  const head = lines[first].trim();
  return head.startsWith('/*') || head.startsWith('//');
}

/**
 * A relative import or require that lands in ANOTHER package (packages/x, tools/x, examples/x, stacks): from
 * packages/a/src/file.ts, a path that climbs two levels and descends into packages/other. Shared files at the
 * workspace root (the jest preset, the base tsconfig) belong to no package and may be reached by path.
 */
export function crossPackageImport(path, line) {
  const match = /(?:from\s+|import\s+|import\s*\(\s*|require\s*\(\s*)['"](\.\.?\/[^'"]+)['"]/.exec(line);
  if (!match) return undefined;
  const target = packageRootOf(normalise(`${dirname(path)}/${match[1]}`));
  return target !== undefined && target !== packageRootOf(path) ? match[1] : undefined;
}

function packageRootOf(path) {
  const parts = path.split('/');
  if ((parts[0] === 'packages' || parts[0] === 'tools' || parts[0] === 'examples') && parts.length >= 2) {
    return parts.slice(0, 2).join('/');
  }
  if (parts[0] === 'stacks') return 'stacks';
  return undefined;
}

function dirname(path) {
  return path.split('/').slice(0, -1).join('/');
}

function normalise(path) {
  const out = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}
