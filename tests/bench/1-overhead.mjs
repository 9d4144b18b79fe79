// worker_overhead_p50_ms / _p99_ms: the latency the worker adds to an image request,
// against the same fake provider called directly, side by side in one run; and the floor
// of that overhead, what a route that does nothing (health) costs over the direct call.
import { control, endpoint, fakes, percentile, report, resetFakes, round } from "./common.mjs";

const ROUNDS = 300;
const PROMPT = "A 2021 Mazda CX-30, a crossover SUV painted red. View: front.";

async function timed(url) {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return performance.now() - started;
}

await resetFakes();
await control("pollinations", { mode: "ok" });
const direct = [];
const proxied = [];
const floor = [];
for (let i = 0; i < ROUNDS; i += 1) {
  const seed = 1000 + i;
  const query = `seed=${seed}&width=512&height=512&nologo=true&model=flux`;
  direct.push(await timed(`${fakes()}/prompt/${encodeURIComponent(PROMPT)}?${query}`));
  const params = new URLSearchParams({
    prompt: PROMPT, seed: String(seed), angle: "front", bodyType: "crossover", color: "red",
    width: "512", height: "512",
  });
  proxied.push(await timed(`${endpoint()}/v1/image?${params}`));
  floor.push(await timed(`${endpoint()}/v1/health`));
}

// The first rounds warm both paths up; they are not part of the figure.
const warm = (values) => values.slice(20);
report({
  worker_overhead_p50_ms: round(percentile(warm(proxied), 50) - percentile(warm(direct), 50)),
  worker_overhead_p99_ms: round(percentile(warm(proxied), 99) - percentile(warm(direct), 99)),
  direct_p50_ms: round(percentile(warm(direct), 50)),
  // What any route costs under wrangler dev (its proxy and workerd's dispatch), before the
  // worker does any work of its own: the part of the overhead this code cannot remove.
  worker_route_floor_p50_ms: round(percentile(warm(floor), 50) - percentile(warm(direct), 50)),
});
