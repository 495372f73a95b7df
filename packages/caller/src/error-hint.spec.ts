/** hintFor: a lost connection points at the 350 s idle timeout and keepalive; anything unknown gets the fallback. */
import { hintFor } from './error-hint';

describe('hintFor', () => {
  it('points a lost connection at the 350 s middlebox idle timeout and keepalive', () => {
    expect(hintFor('ConnectionLostError')).toMatch(/idle 350 s.*KEEPALIVE_IDLE_SECONDS < 350/);
  });

  it('has a generic fallback for anything unexpected', () => {
    expect(hintFor('TypeError')).toMatch(/^unexpected error/);
  });
});
