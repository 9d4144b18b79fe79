// The worker on workerd alone, as Miniflare runs it from wrangler.toml, without the
// reloading proxy that `wrangler dev` puts in front of it. A deployed worker has no such
// proxy, so this is where the worker's own overhead is measured.
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Miniflare } from "miniflare";
import { unstable_getMiniflareWorkerOptions } from "wrangler";

import { address } from "./common.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Serves the built worker on 127.0.0.1, on a free port, with the bench's variables
 * (`TURNTABLE_WORKER_VARS`, set by `cargo xtask bench`) over wrangler.toml's.
 */
export async function startWorkerd() {
  const vars = JSON.parse(address("TURNTABLE_WORKER_VARS"));
  const config = unstable_getMiniflareWorkerOptions(`${ROOT}/wrangler.toml`);
  const options = config.workerOptions;
  const miniflare = new Miniflare({
    ...options,
    name: "turntable",
    modules: true,
    scriptPath: resolve(ROOT, config.main),
    bindings: { ...options.bindings, ...vars },
    host: "127.0.0.1",
    port: 0,
    // The worker's log lines are written as usual, and not shown.
    handleRuntimeStdio(stdout, stderr) {
      stdout.resume();
      stderr.resume();
    },
  });
  const url = await miniflare.ready;
  return { url: url.origin, stop: () => miniflare.dispose() };
}
