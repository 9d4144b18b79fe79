/**
 * Loading the wasm module `turntable` in the browser, and where its worker is.
 */

import init, { angles, bodyTypes, brands } from "turntable";
import type { Angle, Brand } from "turntable";

/** What the form offers, read from the module once it is loaded. */
export interface Catalogue {
  angles: Angle[];
  brands: Brand[];
  bodyTypes: string[];
}

let loading: Promise<Catalogue> | null = null;

/**
 * Instantiates the module once per page (the glue fetches `turntable_bg.wasm` next to
 * itself) and reads its catalogues.
 */
export function loadTurntable(): Promise<Catalogue> {
  loading ??= init().then(() => ({ angles: angles(), brands: brands(), bodyTypes: bodyTypes() }));
  return loading;
}

/** The worker set at build time, unless the page's `?endpoint=` names another. */
export function workerEndpoint(search: string): string {
  const fromQuery = new URLSearchParams(search).get("endpoint")?.trim();
  const fromBuild = process.env.NEXT_PUBLIC_TURNTABLE_ENDPOINT?.trim();
  return (fromQuery || fromBuild || "http://127.0.0.1:8787").replace(/\/+$/, "");
}

/** What `GET /v1/health` of the worker answers. */
export interface Health {
  status: string;
  version?: string;
  upstreams?: { image?: string[]; search?: string[] };
}

export async function workerHealth(endpoint: string, signal: AbortSignal): Promise<Health> {
  const response = await fetch(`${endpoint}/v1/health`, { signal });
  if (!response.ok) {
    throw new Error(`the worker answered ${response.status}`);
  }
  return (await response.json()) as Health;
}

/** An error thrown by the module: a JS `Error` with a stable `code` and maybe a `field`. */
export interface TurntableError extends Error {
  code?: string;
  field?: string;
}

export function asTurntableError(value: unknown): TurntableError {
  return value instanceof Error ? value : new Error(String(value));
}

export function isAbort(error: TurntableError): boolean {
  return error.name === "AbortError" || error.code === "aborted";
}
