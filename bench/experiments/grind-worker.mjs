// The worker thread's entry for tinypool. Worker threads on Node.js 20
// do not inherit the tsx loader of the main thread, so this plain
// JavaScript file registers it before it loads the TypeScript task.
import { register } from "tsx/esm/api";

register();
const { grindBeans } = await import("./grind-beans.ts");

/** Grinds beans for one customer; `rounds` sets the work. */
export default function grindTask(rounds) {
  return grindBeans(rounds);
}
