/** Free loopback ports, for servers that the scripts and tests start. */
import { createServer, type AddressInfo } from "node:net";

const HOST = "127.0.0.1";

/**
 * Returns `preferred` if it is free on 127.0.0.1 at the moment of the
 * call, or else a port that the system picks and that was free a
 * moment ago.
 */
export async function freePort(preferred = 0): Promise<number> {
  const probe = createServer();
  const listening = await new Promise<boolean>((resolve) => {
    probe.once("error", () => resolve(false));
    probe.listen(preferred, HOST, () => resolve(true));
  });
  if (!listening) {
    if (preferred === 0) throw new Error(`no free port on ${HOST}`);
    return freePort();
  }
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
