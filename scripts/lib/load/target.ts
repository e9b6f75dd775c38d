/**
 * Where `pnpm load` may send its traffic: loopback addresses only,
 * unless the command line gives `--allow-remote` on purpose.
 */
import { isIP } from "node:net";
import { UsageError } from "../cli.ts";

/** Returns whether `hostname` is a loopback name or address. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  if (isIP(host) === 4) return host.startsWith("127.");
  if (isIP(host) === 6) return host === "::1";
  return false;
}

/**
 * Parses the URL of a running step. Throws a UsageError for anything
 * but http(s), and for a host off this machine without `allowRemote`.
 */
export function checkTarget(raw: string, allowRemote: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(
      `invalid --url "${raw}": use a full URL such as ` +
        "http://127.0.0.1:8080/serve-customer/3",
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UsageError(
      `invalid --url "${raw}": only http and https URLs can be loaded`,
    );
  }
  if (!allowRemote && !isLoopback(url.hostname)) {
    throw new UsageError(
      `--url "${raw}" is not on this machine: pnpm load sends traffic ` +
        "to loopback addresses (127.0.0.1, ::1, localhost) only; add " +
        "--allow-remote only for a server of your own",
    );
  }
  return url;
}
