/**
 * Hybrid logical clock as one safe integer: wall-clock milliseconds times 1024, plus a logical count.
 * Every write of a site takes a value above any it has seen, so causality is kept even when wall
 * clocks disagree; JavaScript integers stay exact until the year 2248.
 */
export const HLC_TICKS_PER_MS = 1024;

/** How far ahead of this machine's clock a received clock may pull the local one. */
export const MAX_CLOCK_AHEAD_MS = 10 * 60_000;

/** A received clock this far from this machine's is reported as skewed. */
export const SKEW_REPORT_MS = 24 * 60 * 60_000;

export const hlcFromMs = (ms: number) => Math.floor(ms) * HLC_TICKS_PER_MS;
export const hlcToMs = (hlc: number) => Math.floor(hlc / HLC_TICKS_PER_MS);

/** The clock value for the next local write. */
export function nextHlc(last: number, wallMs: number): number {
  return Math.max(last + 1, hlcFromMs(wallMs));
}

export interface ReceivedClock {
  /** The new local clock. */
  hlc: number;
  /** How far the sender's newest clock was ahead of this machine's (negative when behind). */
  skewMs: number;
  /** The received clock was too far ahead to adopt: the local clock moved only to the limit. */
  clamped: boolean;
}

/**
 * Takes in the newest clock of received operations. A clock years ahead never blocks an import and never
 * drags the local clock into the future: it is clamped to a few minutes ahead, and the skew is reported.
 * The operations keep their own clocks, so every office orders them alike.
 */
export function receiveHlc(last: number, remoteMax: number, wallMs: number): ReceivedClock {
  const limit = hlcFromMs(wallMs + MAX_CLOCK_AHEAD_MS);
  const clamped = remoteMax > limit;
  return { hlc: Math.max(last, Math.min(remoteMax, limit)), skewMs: hlcToMs(remoteMax) - Math.floor(wallMs), clamped };
}
