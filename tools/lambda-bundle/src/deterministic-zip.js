// A deterministic zip writer for Lambda deployment packages: the same entry names and bytes always give the
// same zip bytes, whatever the files' mtimes, the umask, the time zone, the directory order or the machine.
// Terraform redeploys a function whenever `source_code_hash` (the zip's SHA-256) changes, so a zip stamped
// with build times would redeploy on every rebuild (cdktf's own archiver stamps mtimes and modes).

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

/**
 * The fields that would otherwise vary, fixed (APPNOTE.TXT, the PKWARE zip specification, sections 4.3.7,
 * 4.3.12 and 4.4):
 * - every entry is dated 1980-01-01 00:00:00, the DOS epoch (the smallest date a zip can hold);
 * - "version made by" is Unix 2.0 and the external attributes carry mode 0644, so unzip gives read access
 *   (Lambda only reads the code) and the umask of the build never shows;
 * - no extra fields (no UT/UX timestamps, no zip64), no data descriptors, no comments;
 * - entries sorted by name, byte order.
 */
const DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1;
const DOS_TIME_MIDNIGHT = 0;
const VERSION_MADE_BY_UNIX_2_0 = (3 << 8) | 20;
const VERSION_NEEDED_2_0 = 20;
const REGULAR_FILE_0644 = 0o100644;
const METHOD = { store: 0, deflate: 8 };
const UTF8_NAME_FLAG = 1 << 11;
const ZIP32_LIMIT = 0xffffffff;

/** A zip entry the writer refuses (a name that could escape the extraction directory, a duplicate, a size). */
class InvalidZipEntryError extends Error {
  constructor(field, value, rule) {
    super(`${field} ${JSON.stringify(value)} is invalid: ${rule}`);
    this.name = 'InvalidZipEntryError';
    this.field = field;
    this.value = value;
    this.rule = rule;
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 (the zip polynomial) by table: the same value as zlib.crc32, which Node has from 20.15 and 22.2. */
function crc32ByTable(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function crc32(buffer) {
  return typeof zlib.crc32 === 'function' ? zlib.crc32(buffer) >>> 0 : crc32ByTable(buffer);
}

function checkedName(name, seen) {
  if (typeof name !== 'string' || name === '') {
    throw new InvalidZipEntryError('entry name', name, 'must be a non-empty string');
  }
  if (name.startsWith('/') || name.includes('\\') || name.split('/').includes('..')) {
    throw new InvalidZipEntryError('entry name', name, 'must be a relative path with / separators and no ..');
  }
  if (seen.has(name)) throw new InvalidZipEntryError('entry name', name, 'must be unique in the zip');
  seen.add(name);
  return name;
}

/**
 * The zip of `entries` ({ name, data: Buffer }), as a Buffer. `compression`: 'deflate' (default; zlib level 9)
 * or 'store'. Deflate bytes come from the zlib inside Node: they were the same on Node 20, 22, 24 and 26
 * (zlib 1.3.1 and 1.3.2.1), and the module test compares a fresh build with the committed zip, so a zlib
 * that ever deflates differently fails loudly instead of redeploying silently.
 */
function createDeterministicZip(entries, { compression = 'deflate' } = {}) {
  const method = METHOD[compression];
  if (method === undefined) {
    throw new InvalidZipEntryError('compression', compression, 'must be deflate or store');
  }
  const seen = new Set();
  const sorted = [...entries]
    .map(({ name, data }) => ({ name: checkedName(name, seen), data }))
    .sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)));
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of sorted) {
    if (!Buffer.isBuffer(data)) throw new InvalidZipEntryError(`entry ${name} data`, typeof data, 'must be a Buffer');
    const nameBytes = Buffer.from(name, 'utf8');
    const flags = /^[\x20-\x7e]*$/.test(name) ? 0 : UTF8_NAME_FLAG;
    const body = method === METHOD.deflate ? zlib.deflateRawSync(data, { level: 9 }) : data;
    if (data.length >= ZIP32_LIMIT || offset + body.length >= ZIP32_LIMIT) {
      throw new InvalidZipEntryError(`entry ${name} size`, data.length, 'must fit a zip without zip64 (< 4 GiB)');
    }
    const crc = crc32(data);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); // local file header signature
    local.writeUInt16LE(VERSION_NEEDED_2_0, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME_MIDNIGHT, 10);
    local.writeUInt16LE(DOS_DATE_1980_01_01, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28); // no extra field
    locals.push(local, nameBytes, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); // central directory header signature
    central.writeUInt16LE(VERSION_MADE_BY_UNIX_2_0, 4);
    central.writeUInt16LE(VERSION_NEEDED_2_0, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_TIME_MIDNIGHT, 12);
    central.writeUInt16LE(DOS_DATE_1980_01_01, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    // 30 extra length, 32 comment length, 34 disk number, 36 internal attributes: all 0.
    central.writeUInt32LE((REGULAR_FILE_0644 << 16) >>> 0, 38); // Unix mode in the high 16 bits
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + body.length;
  }
  const centralSize = centrals.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); // end of central directory signature
  end.writeUInt16LE(sorted.length, 8);
  end.writeUInt16LE(sorted.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** The name of the deployment package the build writes beside the bundle. */
const LAMBDA_ZIP_NAME = 'lambda.zip';

/**
 * Writes `<dist>/lambda.zip` holding `index.js` only: what the Lambda runs. The source map and the metafile
 * stay in dist for local debugging and the size report but are not deployed: Node would read the map only
 * with NODE_OPTIONS=--enable-source-maps, which the functions do not set (README: "The two Lambdas").
 * Written to a temporary name and renamed, so a reader never sees half a zip.
 */
function writeLambdaZip(bundleFile) {
  const zipFile = path.join(path.dirname(bundleFile), LAMBDA_ZIP_NAME);
  const zip = createDeterministicZip([{ name: 'index.js', data: fs.readFileSync(bundleFile) }]);
  fs.writeFileSync(`${zipFile}.tmp`, zip);
  fs.renameSync(`${zipFile}.tmp`, zipFile);
  return { zipFile, bytes: zip.length };
}

module.exports = { createDeterministicZip, writeLambdaZip, crc32ByTable, InvalidZipEntryError, LAMBDA_ZIP_NAME };
