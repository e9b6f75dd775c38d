/**
 * A CPU-bound action: grinding beans is a loop of integer arithmetic
 * that keeps one core busy and never waits, unlike the timed actions.
 */

/** Grinds for `rounds` rounds of a xorshift mix; returns the result. */
export function grindBeans(rounds: number): number {
  let state = 0x9e3779b9;
  for (let i = 0; i < rounds; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
  }
  return state >>> 0;
}
