/** InvocationLog and its lines: the 4 KB base64 tail, and the Node.js runtime's console, END and REPORT formats. */
import { endLines, formatConsoleLine, InvocationLog, startLine } from './log-tail';

test('the tail is the last 4096 bytes, base64, however much was logged', () => {
  const log = new InvocationLog();
  for (let i = 0; i < 1000; i += 1) log.append(`line ${i}\n`);
  const tail = Buffer.from(log.tailBase64(), 'base64').toString('utf8');
  expect(Buffer.byteLength(tail)).toBe(4096);
  expect(tail.endsWith('line 999\n')).toBe(true);
  expect(tail).not.toContain('line 1\n');
});

test('a short log is returned whole', () => {
  const log = new InvocationLog();
  log.append(startLine('id-1', '$LATEST'));
  log.append('hello\n');
  expect(Buffer.from(log.tailBase64(), 'base64').toString()).toBe('START RequestId: id-1 Version: $LATEST\nhello\n');
});

test('console lines and the END/REPORT lines use the Node.js runtime format', () => {
  expect(formatConsoleLine(new Date('2026-01-02T03:04:05.678Z'), 'id-1', 'WARN', 'careful')).toBe(
    '2026-01-02T03:04:05.678Z\tid-1\tWARN\tcareful\n',
  );
  expect(endLines({ requestId: 'id-1', durationMs: 12.345, memoryMb: 128, maxMemoryUsedMb: 9 })).toBe(
    'END RequestId: id-1\nREPORT RequestId: id-1\tDuration: 12.35 ms\tBilled Duration: 13 ms\t' +
      'Memory Size: 128 MB\tMax Memory Used: 9 MB\t\n',
  );
});
