// The zip writer: the same names and bytes give the same zip whatever the input order, the header fields that
// would vary are fixed, the bodies inflate back to the input, and unsafe names are refused (node --test).

const assert = require('node:assert/strict');
const { test } = require('node:test');
const zlib = require('node:zlib');
const { crc32ByTable, createDeterministicZip, InvalidZipEntryError } = require('./deterministic-zip');

const entries = [
  { name: 'index.js', data: Buffer.from('exports.handler = async () => ({ ok: true });\n') },
  { name: 'lib/a.js', data: Buffer.from('module.exports = 1;\n'.repeat(50)) },
];

/** The central directory records of a zip this writer made (no zip64, no comment). */
function centralRecords(zip) {
  const end = zip.length - 22;
  assert.equal(zip.readUInt32LE(end), 0x06054b50);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const records = [];
  for (let index = 0; index < count; index++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50);
    const nameLength = zip.readUInt16LE(at + 28);
    records.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      madeBy: zip.readUInt16LE(at + 4),
      method: zip.readUInt16LE(at + 10),
      time: zip.readUInt16LE(at + 12),
      date: zip.readUInt16LE(at + 14),
      crc: zip.readUInt32LE(at + 16),
      compressedSize: zip.readUInt32LE(at + 20),
      extraLength: zip.readUInt16LE(at + 30),
      mode: zip.readUInt32LE(at + 38) >>> 16,
      localOffset: zip.readUInt32LE(at + 42),
    });
    at += 46 + nameLength;
  }
  return records;
}

test('the same entries in any order give the same bytes', () => {
  const forward = createDeterministicZip(entries);
  const backward = createDeterministicZip([...entries].reverse());
  assert.ok(forward.equals(backward));
  assert.deepEqual(
    centralRecords(forward).map((record) => record.name),
    ['index.js', 'lib/a.js'],
  );
});

test('dates, modes and extra fields are fixed: 1980-01-01 00:00, Unix 0644, none', () => {
  for (const record of centralRecords(createDeterministicZip(entries))) {
    assert.deepEqual(
      { date: record.date, time: record.time, mode: record.mode, host: record.madeBy >> 8, extra: record.extraLength },
      { date: 0x21, time: 0, mode: 0o100644, host: 3, extra: 0 },
    );
  }
});

test('deflated bodies inflate back to the input, with the CRC-32 zlib computes', () => {
  const zip = createDeterministicZip(entries);
  for (const record of centralRecords(zip)) {
    const data = entries.find((entry) => entry.name === record.name).data;
    const nameLength = zip.readUInt16LE(record.localOffset + 26);
    const bodyStart = record.localOffset + 30 + nameLength;
    const body = zip.subarray(bodyStart, bodyStart + record.compressedSize);
    assert.equal(record.method, 8);
    assert.ok(zlib.inflateRawSync(body).equals(data));
    assert.equal(record.crc, zlib.crc32(data) >>> 0);
  }
  const stored = createDeterministicZip(entries, { compression: 'store' });
  assert.deepEqual(
    centralRecords(stored).map((record) => record.method),
    [0, 0],
  );
});

test('the table CRC-32 (used where Node has no zlib.crc32) equals zlib.crc32', () => {
  for (const data of [Buffer.alloc(0), Buffer.from('123456789'), entries[1].data]) {
    assert.equal(crc32ByTable(data), zlib.crc32(data) >>> 0);
  }
  assert.equal(crc32ByTable(Buffer.from('123456789')), 0xcbf43926); // the CRC-32 check value
});

test('refuses names that could escape the extraction directory, duplicates and unknown compression', () => {
  for (const name of ['', '/etc/passwd', '../x.js', 'a/../../x.js', 'a\\b.js']) {
    assert.throws(
      () => createDeterministicZip([{ name, data: Buffer.from('x') }]),
      (error) => error instanceof InvalidZipEntryError && error.field === 'entry name' && error.value === name,
    );
  }
  assert.throws(() => createDeterministicZip([entries[0], entries[0]]), /must be unique in the zip/);
  assert.throws(
    () => createDeterministicZip(entries, { compression: 'bzip2' }),
    /compression "bzip2" is invalid: must be deflate or store/,
  );
});
