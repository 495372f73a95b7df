/** parseTimer reads the kernel timer of an `ss -tno` line: keepalive and retransmit timers in every unit, or none. */
import { parseTimer } from './tcp-timer';

describe('parseTimer (ss -tno output)', () => {
  it.each([
    ['0 0 127.0.0.1:47074 127.0.0.1:39701 timer:(keepalive,44sec,0)', { kind: 'keepalive', seconds: 44 }],
    ['0 0 127.0.0.1:47080 127.0.0.1:39701 timer:(keepalive,2min4sec,0)', { kind: 'keepalive', seconds: 124 }],
    ['0 0 127.0.0.1:47080 127.0.0.1:39701 timer:(keepalive,1h2min,0)', { kind: 'keepalive', seconds: 3720 }],
    ['0 0 127.0.0.1:47080 127.0.0.1:39701 timer:(keepalive,999ms,0)', { kind: 'keepalive', seconds: 0.999 }],
    // 1 to 9 s: seconds.milliseconds, then "ms" (measured: setKeepAlive(true, 5000) read 0.4 s later)
    ['0 0 127.0.0.1:47080 127.0.0.1:39701 timer:(keepalive,4.636ms,0)', { kind: 'keepalive', seconds: 4.636 }],
    ['0 36 127.0.0.1:47080 127.0.0.1:39701 timer:(on,203ms,0)', { kind: 'on', seconds: 0.203 }],
    ['0 0 127.0.0.1:47090 127.0.0.1:39701', { kind: 'none', seconds: 0 }],
  ])('%s', (line, expected) => {
    expect(parseTimer(line)).toEqual(expected);
  });
});
