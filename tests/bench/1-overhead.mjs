// worker_overhead_p50_ms / _p99_ms: the latency the worker adds to an image request, over
// the same fake provider called directly, side by side in one run. The worker runs on
// workerd as a deployment does (see workerd.mjs); the same figure through `wrangler dev`,
// whose reloading proxy adds a fixed cost of its own, is reported beside it. The floor is
// what a route that does nothing (health) costs over the direct call.
import { control, endpoint, fakes, percentile, report, resetFakes, round } from "./common.mjs";
import { readVars, startWorkerd } from "./workerd.mjs";

const ROUNDS = 300;
const WORKERD_PORT = 8789;
const PROMPT = "A 2021 Mazda CX-30, a crossover SUV painted red. View: front.";

async function timed(url) {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return performance.now() - started;
}

const workerd = await startWorkerd(
  readVars(new URL("./1-overhead.env", import.meta.url)),
  WORKERD_PORT,
);
try {
  await resetFakes();
  await control("pollinations", { mode: "ok" });
  const times = {
    direct: [], workerd: [], floorDirect: [], floor: [], devDirect: [], wranglerDev: [],
  };
  const image = (base, seed) => {
    const params = new URLSearchParams({
      prompt: PROMPT, seed: String(seed), angle: "front", bodyType: "crossover", color: "red",
      width: "512", height: "512",
    });
    return `${base}/v1/image?${params}`;
  };
  const direct = (seed) => {
    const query = `seed=${seed}&width=512&height=512&nologo=true&model=flux`;
    return `${fakes()}/prompt/${encodeURIComponent(PROMPT)}?${query}`;
  };
  // Each worker is timed against the direct call in its own pass, so that neither shares
  // the machine with the other while it is measured. Every seed is new: no cache hits.
  for (let i = 0; i < ROUNDS; i += 1) {
    times.direct.push(await timed(direct(1000 + i)));
    times.workerd.push(await timed(image(workerd.url, 1000 + i)));
  }
  for (let i = 0; i < ROUNDS; i += 1) {
    times.floorDirect.push(await timed(direct(3000 + i)));
    times.floor.push(await timed(`${workerd.url}/v1/health`));
  }
  for (let i = 0; i < ROUNDS; i += 1) {
    times.devDirect.push(await timed(direct(5000 + i)));
    times.wranglerDev.push(await timed(image(endpoint(), 5000 + i)));
  }

  // The first rounds warm every path up; they are not part of the figures.
  const at = (name, p) => percentile(times[name].slice(20), p);
  const over = (name, p, base = "direct") => round(at(name, p) - at(base, p));
  report({
    worker_overhead_p50_ms: over("workerd", 50),
    worker_overhead_p99_ms: over("workerd", 99),
    worker_overhead_wrangler_dev_p50_ms: over("wranglerDev", 50, "devDirect"),
    worker_route_floor_p50_ms: over("floor", 50, "floorDirect"),
    direct_p50_ms: round(at("direct", 50)),
  });
} finally {
  await workerd.stop();
}
