// The worker on workerd alone, as Miniflare runs it from wrangler.toml, without the
// reloading proxy that `wrangler dev` puts in front of it. A deployed worker has no such
// proxy, so this is where the worker's own overhead is measured.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Miniflare } from "miniflare";
import { unstable_getMiniflareWorkerOptions } from "wrangler";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** `NAME=value` lines of a bench `.env` file; comments and blank lines skipped. */
export function readVars(file) {
  const vars = {};
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const text = line.trim();
    if (!text || text.startsWith("#")) continue;
    const equals = text.indexOf("=");
    vars[text.slice(0, equals)] = text.slice(equals + 1);
  }
  return vars;
}

/** Serves the built worker on 127.0.0.1:`port` with `vars` over wrangler.toml's. */
export async function startWorkerd(vars, port) {
  const config = unstable_getMiniflareWorkerOptions(`${ROOT}/wrangler.toml`);
  const options = config.workerOptions;
  const miniflare = new Miniflare({
    ...options,
    name: "turntable",
    modules: true,
    scriptPath: resolve(ROOT, config.main),
    bindings: { ...options.bindings, ...vars, ALLOW_LOOPBACK_ORIGINS: "true" },
    host: "127.0.0.1",
    port,
    // The worker's log lines are written as usual, and not shown.
    handleRuntimeStdio(stdout, stderr) {
      stdout.resume();
      stderr.resume();
    },
  });
  const url = await miniflare.ready;
  return { url: url.origin, stop: () => miniflare.dispose() };
}
