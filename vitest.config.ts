import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: ["shared", "steps/*", "scripts", "bench"],
  },
});
