// Helpers of the end-to-end suite: where the page and the worker are, a headless Chromium
// with a fresh profile, and the steps a seller takes on the page.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The page under test (`next start`), the worker it talks to, and where screenshots go. */
export const PAGE = process.env.TURNTABLE_PAGE ?? 'http://127.0.0.1:3000';
export const ENDPOINT = process.env.TURNTABLE_ENDPOINT ?? 'http://127.0.0.1:8787';
export const ARTIFACTS = process.env.TURNTABLE_ARTIFACTS ?? join(root, 'target/e2e');

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Fails with a hint when the page or the worker does not answer. */
export async function requireServices() {
  const checks = [
    [`${ENDPOINT}/v1/health`, 'the worker (TURNTABLE_ENDPOINT): start it with `wrangler dev`'],
    [PAGE, 'the page (TURNTABLE_PAGE): `npm run build && npm run start` in www'],
  ];
  for (const [url, what] of checks) {
    const signal = AbortSignal.timeout(5000);
    const ok = await fetch(url, { signal }).then((r) => r.ok, () => false);
    if (!ok) {
      throw new Error(`${url} does not answer; is ${what} running?`);
    }
  }
  mkdirSync(ARTIFACTS, { recursive: true });
}

/** Headless Chromium with an empty profile of its own; `close()` removes the profile. */
export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), 'turntable-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_BIN ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: DESKTOP,
    acceptDownloads: true,
  });
  context.setDefaultTimeout(20_000);
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, close };
}

/**
 * Opens the page against the worker under test and waits for the wasm module. Errors the
 * page throws are collected in `page.errors`.
 */
export async function openPage(context, endpoint = ENDPOINT) {
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (err) => page.errors.push(err.message));
  await page.goto(`${PAGE}/?endpoint=${encodeURIComponent(endpoint)}`);
  await page.locator('[data-testid=workbench][data-ready=true]').waitFor();
  return page;
}

/** Types a spec into the form; `angles` replaces the chosen angles. */
export async function fillSpec(page, spec) {
  await page.getByTestId('brand').fill(spec.brand);
  await page.getByTestId('model').fill(spec.model);
  await page.getByTestId('year').fill(String(spec.year));
  await page.getByTestId('color').fill(spec.color);
  await page.getByTestId('body-type').selectOption(spec.bodyType);
  if (spec.angles) {
    await chooseAngles(page, spec.angles);
  }
}

export async function chooseAngles(page, angles) {
  const boxes = page.locator('input[name=angles]');
  for (const box of await boxes.all()) {
    const on = angles.includes(await box.getAttribute('value'));
    await box.setChecked(on);
  }
}

/** Presses Generate and waits until the page shows the new series' session id. */
export async function generate(page) {
  const sessionId = page.getByTestId('session-id');
  const before = (await sessionId.count()) > 0 ? await sessionId.textContent() : null;
  await page.getByTestId('generate').click();
  await page.waitForFunction((previous) => {
    const shown = document.querySelector('[data-testid=session-id]')?.textContent;
    return shown && shown !== previous;
  }, before);
}

/** Waits until the run is over: `count` cards, none pending, every image decoded. */
export async function waitForSeries(page, count, timeout = 30_000) {
  const settled = page.waitForFunction(
    (n) => {
      const series = document.querySelector('[data-testid=series]');
      const cards = [...document.querySelectorAll('[data-testid=shot-card]')];
      const images = [...document.querySelectorAll('[data-testid=shot-image]')];
      return (
        series?.getAttribute('data-running') === 'false' &&
        cards.length === n &&
        cards.every((c) => c.dataset.status !== 'pending') &&
        images.every((img) => img.complete)
      );
    },
    count,
    { timeout },
  );
  await settled.catch(async (err) => {
    const cards = await readCards(page);
    const banner = await page.getByTestId('banner').allTextContents();
    throw new Error(`${err.message}\ncards: ${JSON.stringify(cards)}\nbanner: ${banner}`);
  });
  return readCards(page);
}

/** What every card shows: angle, status, seed, and its image's size and alt text. */
export function readCards(page) {
  return page.$$eval('[data-testid=shot-card]', (cards) =>
    cards.map((card) => {
      const img = card.querySelector('[data-testid=shot-image]');
      return {
        angle: card.dataset.angle,
        status: card.dataset.status,
        seed: card.dataset.seed,
        provider: card.dataset.provider,
        cache: card.dataset.cache,
        width: img ? img.naturalWidth : 0,
        alt: img ? img.alt : null,
        error: card.querySelector('[data-testid=shot-error]')?.textContent ?? null,
      };
    }),
  );
}
