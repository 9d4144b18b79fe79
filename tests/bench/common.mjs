// Shared helpers of the benchmarks: addresses from the environment, the fakes' control API,
// percentiles, and writing the figures where `cargo xtask bench` collects them.
import { writeFileSync } from "node:fs";

export function address(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run the benchmarks with \`cargo xtask bench\``);
  }
  return value.replace(/\/$/, "");
}

export const endpoint = () => address("TURNTABLE_ENDPOINT");
export const fakes = () => address("TURNTABLE_FAKE_UPSTREAM");

/** Sets how one fake provider behaves (see tests/fake-upstream). */
export async function control(provider, behaviour) {
  const response = await fetch(`${fakes()}/_control/${provider}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(behaviour),
  });
  if (!response.ok) throw new Error(`control ${provider}: ${response.status}`);
}

export async function resetFakes() {
  const response = await fetch(`${fakes()}/_control/reset`, { method: "POST" });
  if (!response.ok) throw new Error(`reset: ${response.status}`);
}

export async function fakeCounters() {
  const response = await fetch(`${fakes()}/_control/log`);
  return (await response.json()).counters;
}

/** The `p`-th percentile (0–100) of `values`, nearest rank. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export const median = (values) => percentile(values, 50);
export const round = (value, digits = 3) => Number(value.toFixed(digits));

/** Prints the figures and writes them as one JSON object for xtask. */
export function report(figures) {
  for (const [name, value] of Object.entries(figures)) console.log(`${name} = ${value}`);
  const out = process.env.TURNTABLE_BENCH_OUT;
  if (out) writeFileSync(out, JSON.stringify(figures));
}
