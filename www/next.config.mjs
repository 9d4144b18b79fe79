// @ts-check
import path from "node:path";

/**
 * The page imports the wasm package `turntable` as a `file:` dependency that lives in
 * `crates/client/pkg`, outside this folder, so Turbopack's root is the repository.
 *
 * @type {import("next").NextConfig}
 */
const config = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Keep `next dev` and `next build` from writing files of their own into this folder.
  agentRules: false,
  experimental: {
    agentUpgrade: false,
  },
  turbopack: {
    root: path.resolve(import.meta.dirname, ".."),
  },
};

export default config;
