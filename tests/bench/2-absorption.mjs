// Absorption: 20 series of 6 angles started at once against an upstream that allows 4
// concurrent requests and 10 a second. Figures: the share of shots served by the provider,
// the share of upstream calls answered 429, the time over the ideal schedule, and how many
// upstream searches the 20 identical logo searches caused.
import { control, endpoint, fakeCounters, report, resetFakes, round } from "./common.mjs";

const SERIES = 20;
const ANGLES = ["front", "front-three-quarter", "side", "rear-three-quarter", "rear", "interior"];
const UPSTREAM_MS = 200;
const RATE = 10;

async function shot(series, angle, i) {
  const params = new URLSearchParams({
    prompt: `A 2021 Mazda CX-30, a crossover SUV painted red. Series ${series}.`,
    seed: String(series * 100 + i), angle, bodyType: "crossover", color: "red",
    width: "512", height: "512",
  });
  const response = await fetch(`${endpoint()}/v1/image?${params}`);
  await response.arrayBuffer();
  return response.ok && response.headers.get("x-turntable-provider") === "openai";
}

async function series(n) {
  await fetch(`${endpoint()}/v1/search/logo?brand=Mazda`).then((r) => r.arrayBuffer());
  return Promise.all(ANGLES.map((angle, i) => shot(n, angle, i)));
}

await resetFakes();
await control("openai", { mode: "slow", delayMs: UPSTREAM_MS, maxConcurrency: 4, ratePerSecond: RATE });
await control("brave", { mode: "ok" });

const started = performance.now();
const results = (await Promise.all(Array.from({ length: SERIES }, (_, n) => series(n)))).flat();
const seconds = (performance.now() - started) / 1000;

const counters = await fakeCounters();
const calls = counters.openai.calls;
const ideal = results.length / RATE;
report({
  absorption_shots_served_share: round(results.filter(Boolean).length / results.length),
  absorption_upstream_429_share: round(calls ? counters.openai.rateLimited / calls : 0),
  absorption_time_ratio: round(seconds / ideal),
  absorption_seconds: round(seconds),
  merge_search_calls_per_brand: counters.brave.calls + counters.duckduckgo.calls,
});
await resetFakes();
