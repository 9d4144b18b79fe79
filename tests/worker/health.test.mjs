// The worker's basics over HTTP: health, routes, methods, and CORS for allowed and denied
// origins, preflight included.

import assert from "node:assert/strict";
import { test } from "node:test";

import { assertAsciiHeaders, assertError, get } from "./helpers.mjs";

const ALLOWED = "http://127.0.0.1:3000";
const DENIED = "https://denied.example";

test("health names the provider chains", async () => {
  const response = await get("/v1/health");
  assert.equal(response.status, 200);
  const body = await response.json();
  assert.equal(body.status, "ok");
  assert.deepEqual(body.upstreams.image, ["openai", "pollinations", "embedded"]);
  assert.deepEqual(body.upstreams.search, ["brave", "duckduckgo", "embedded"]);
  assert.ok(response.headers.get("x-request-id"));
  assert.match(response.headers.get("server-timing"), /total;dur=/);
  assertAsciiHeaders(response);
});

test("unknown routes and methods get JSON errors", async () => {
  const missing = await get("/v1/nothing");
  assertError(await missing.text(), 404, missing, "not_found");
  const post = await get("/v1/image", { method: "POST", body: "x" });
  assertError(await post.text(), 405, post, "method_not_allowed");
});

test("an allowed origin gets CORS headers", async () => {
  const response = await get("/v1/health", { headers: { origin: ALLOWED } });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get("access-control-allow-origin"), ALLOWED);
  assert.match(response.headers.get("vary"), /Origin/i);
  const exposed = response.headers.get("access-control-expose-headers");
  for (const name of ["x-turntable-provider", "x-turntable-cache", "server-timing"]) {
    assert.match(exposed, new RegExp(name));
  }
  assert.equal(response.headers.get("access-control-allow-credentials"), null);
});

test("a denied origin gets 403 and no CORS headers", async () => {
  const response = await get("/v1/health", { headers: { origin: DENIED } });
  assertError(await response.text(), 403, response, "origin_denied");
  assert.equal(response.headers.get("access-control-allow-origin"), null);
});

test("preflight is answered for allowed origins only", async () => {
  const headers = { "access-control-request-method": "GET", "access-control-request-headers": "content-type" };
  const allowed = await get("/v1/image", { method: "OPTIONS", headers: { ...headers, origin: ALLOWED } });
  assert.equal(allowed.status, 204);
  assert.equal(allowed.headers.get("access-control-allow-origin"), ALLOWED);
  assert.match(allowed.headers.get("access-control-allow-methods"), /GET/);

  const denied = await get("/v1/image", { method: "OPTIONS", headers: { ...headers, origin: DENIED } });
  assertError(await denied.text(), 403, denied, "origin_denied");
});
