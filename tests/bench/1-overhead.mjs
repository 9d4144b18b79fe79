// worker_overhead_p50_ms / _p99_ms: the latency the worker adds to an image request, over
// the same fake provider called directly, side by side in one run. The worker runs on
// workerd as a deployment does (see workerd.mjs); the same figure through `wrangler dev`,
// whose reloading proxy adds a fixed cost of its own, is reported beside it. The floor is
// what a route that does nothing (health) costs over the direct call.
import { control, endpoint, fakes, percentile, report, resetFakes, round } from "./common.mjs";
import { startWorkerd } from "./workerd.mjs";

const ROUNDS = 300;
const PROMPT = "A 2021 Mazda CX-30, a crossover SUV painted red. View: front.";

async function timed(url) {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return performance.now() - started;
}

const workerd = await startWorkerd();
try {
  await resetFakes();
  await control("pollinations", { mode: "ok" });
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
  // One pass per path, each call timed beside a direct call of its own, so that no two
  // paths share the machine while they are measured. Every seed is new: no cache hits.
  async function pass(firstSeed, proxied) {
    const times = { direct: [], proxied: [] };
    for (let seed = firstSeed; seed < firstSeed + ROUNDS; seed += 1) {
      times.direct.push(await timed(direct(seed)));
      times.proxied.push(await timed(proxied(seed)));
    }
    return times;
  }
  const workerdPass = await pass(1000, (seed) => image(workerd.url, seed));
  const floorPass = await pass(3000, () => `${workerd.url}/v1/health`);
  const devPass = await pass(5000, (seed) => image(endpoint(), seed));

  // The first rounds warm every path up; they are not part of the figures.
  const at = (values, p) => percentile(values.slice(20), p);
  const over = ({ direct, proxied }, p) => round(at(proxied, p) - at(direct, p));
  report({
    worker_overhead_p50_ms: over(workerdPass, 50),
    worker_overhead_p99_ms: over(workerdPass, 99),
    worker_overhead_wrangler_dev_p50_ms: over(devPass, 50),
    worker_route_floor_p50_ms: over(floorPass, 50),
    direct_p50_ms: round(at(workerdPass.direct, 50)),
  });
} finally {
  await workerd.stop();
}
