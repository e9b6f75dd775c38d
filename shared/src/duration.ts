/**
 * Formats durations the way Go's `time.Duration.String` does, so that
 * our lines can be held next to the talk's ("6.02238615s", "12.548µs").
 */

const NS_PER_US = 1_000n;
const NS_PER_MS = 1_000_000n;
const NS_PER_S = 1_000_000_000n;

/** Converts milliseconds (with fractions) to whole nanoseconds. */
export function msToNs(ms: number): bigint {
  return BigInt(Math.round(ms * 1e6));
}

/**
 * Writes `whole.fraction` with `digits` fraction digits, dropping
 * trailing zeros, as Go does.
 */
function decimal(value: bigint, unit: bigint, digits: number): string {
  const whole = value / unit;
  const fraction = (value % unit)
    .toString()
    .padStart(digits, "0")
    .replace(/0+$/, "");
  return fraction === "" ? `${whole}` : `${whole}.${fraction}`;
}

/**
 * Formats a duration in nanoseconds as Go prints it:
 * `0s`, `850ns`, `12.548µs`, `1.5ms`, `2.001408751s`, `1m30s`, `1h0m0s`.
 */
export function formatDuration(ns: bigint): string {
  if (ns < 0n) return `-${formatDuration(-ns)}`;
  if (ns === 0n) return "0s";
  if (ns < NS_PER_US) return `${ns}ns`;
  if (ns < NS_PER_MS) return `${decimal(ns, NS_PER_US, 3)}µs`;
  if (ns < NS_PER_S) return `${decimal(ns, NS_PER_MS, 6)}ms`;

  const hours = ns / (3600n * NS_PER_S);
  const minutes = (ns / (60n * NS_PER_S)) % 60n;
  const seconds = `${decimal(ns % (60n * NS_PER_S), NS_PER_S, 9)}s`;
  if (hours > 0n) return `${hours}h${minutes}m${seconds}`;
  if (minutes > 0n) return `${minutes}m${seconds}`;
  return seconds;
}

/** Formats a duration given in milliseconds, as `formatDuration`. */
export function formatMs(ms: number): string {
  return formatDuration(msToNs(ms));
}

const UNIT_MS: Record<string, number> = {
  h: 3_600_000,
  m: 60_000,
  s: 1000,
  ms: 1,
  µs: 1e-3,
  us: 1e-3,
  ns: 1e-6,
};

/**
 * Parses a duration as Go prints it (`6.02238615s`, `12.548µs`,
 * `1m30s`) into milliseconds. Throws a RangeError for other text.
 */
export function parseDuration(text: string): number {
  const parts = [
    ...text.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s|µs|us|ns)/g),
  ];
  const joined = parts.map((part) => part[0]).join("");
  if (parts.length === 0 || joined !== text.trim()) {
    throw new RangeError(
      `invalid duration "${text}": use Go's format, such as 1.5s or 12.548µs`,
    );
  }
  return parts.reduce(
    (sum, [, value, unit]) => sum + Number(value) * UNIT_MS[unit!]!,
    0,
  );
}
