// Shared helpers of the worker suites: where the worker and the fake upstreams are, how to
// call them, and how to steer the fakes. `cargo xtask test` sets both addresses.

import assert from "node:assert/strict";

function address(name) {
  const value = process.env[name]?.trim();
  if (!value) {
    throw new Error(`${name} is not set: run these tests with \`cargo xtask test\`, or set it to the address of a running service`);
  }
  return value.replace(/\/+$/, "");
}

export const WORKER = address("TURNTABLE_ENDPOINT");
export const FAKE = address("TURNTABLE_FAKE_UPSTREAM");

/** The key the fakes expect; a fake, and the worker must never show it. */
export const FAKE_KEY = "fake-test-key-0000";

/** A tag unique to this run, so answers cached by earlier runs never answer this one. */
export const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

/** Fetch with a time limit, so that no test can hang. */
export async function get(path, init = {}) {
  return fetch(`${WORKER}${path}`, { signal: AbortSignal.timeout(30_000), ...init });
}

/** The query string of `params`, each value encoded once. */
export function query(params) {
  return new URLSearchParams(params).toString();
}

/** The parameters of a valid image request, with `overrides`. */
export function shot(overrides = {}) {
  return {
    prompt: `A red 2019 Skoda Octavia sedan, ${RUN}`,
    negative: "blurry",
    seed: "42",
    angle: "front",
    bodyType: "sedan",
    color: "red",
    width: "1024",
    height: "768",
    session: `session-${RUN}`,
    ...overrides,
  };
}

export async function image(overrides = {}) {
  const response = await get(`/v1/image?${query(shot(overrides))}`);
  const body = Buffer.from(await response.arrayBuffer());
  return { response, body };
}

export async function logo(brand, init = {}) {
  const response = await get(`/v1/search/logo?${query({ brand })}`, init);
  const text = await response.text();
  return { response, text, json: safeJson(text) };
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Sets how a fake provider behaves, e.g. `{ mode: "rate_limit", retryAfter: 1 }`. */
export async function steer(provider, behaviour) {
  const response = await fetch(`${FAKE}/_control/${provider}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(behaviour),
    signal: AbortSignal.timeout(5_000),
  });
  assert.equal(response.status, 200, `steering ${provider}: ${await response.text()}`);
}

/** Puts every fake back to normal and clears its log and counters. */
export async function reset() {
  const response = await fetch(`${FAKE}/_control/reset`, { method: "POST", signal: AbortSignal.timeout(5_000) });
  assert.equal(response.status, 200);
}

/** What the fakes were asked, and their counters. */
export async function fakeLog() {
  const response = await fetch(`${FAKE}/_control/log`, { signal: AbortSignal.timeout(5_000) });
  return response.json();
}

/** The requests the fake `provider` got, oldest first. */
export async function requestsTo(provider, filter = () => true) {
  const { requests } = await fakeLog();
  return requests.filter((r) => r.provider === provider && filter(r));
}

/** Asserts the JSON error shape and its stable code. */
export function assertError(text, status, response, code) {
  assert.equal(response.status, status, `status for ${code}: ${text}`);
  const body = JSON.parse(text);
  assert.equal(body.error.code, code, text);
  assert.equal(typeof body.error.message, "string");
}

/** Asserts every header value is printable ASCII. */
export function assertAsciiHeaders(response) {
  for (const [name, value] of response.headers) {
    assert.match(value, /^[\x20-\x7e]*$/, `header ${name} is not ASCII: ${value}`);
  }
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
