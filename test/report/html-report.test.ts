// The HTML report of the committed size leaderboard in a real browser (headless Debian Chromium through
// playwright-core): it loads with no console error and no network request, both plots render marks,
// clicking a column header sorts the table, and a screenshot is kept in test-artifacts/.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { cli } from '../helpers.js';
import { CHROMIUM, CHROMIUM_PATH, describeRequiring } from '../requirements.js';

const ARTIFACTS = resolve('test-artifacts');
const html = join(ARTIFACTS, 'report.html');
const leaderboard = resolve('bench/leaderboard/wasm-size-v0');

describeRequiring(CHROMIUM, 'wasmtune report --html, in Chromium', () => {
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  const consoleErrors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const r = await cli('report', leaderboard, '--html', html);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    profile = mkdtempSync(join(tmpdir(), 'wasmtune-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1280, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    const url = pathToFileURL(html).href;
    // Offline: every request but the page itself is recorded and refused.
    await page.route('**/*', (route) => {
      if (route.request().url() === url) return route.continue();
      requests.push(route.request().url());
      return route.abort();
    });
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector('body[data-plots]', { timeout: 60_000 });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('loads with no console error and no network request, and both plots render marks', async () => {
    expect(await page.getAttribute('body', 'data-plots')).toBe('ready');
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
    // Convergence: one line per agent (9 agents on the committed leaderboard), each with a path.
    const lines = await page.$$eval('#convergence svg .role-mark.mark-line path', (ps) => ps.map((p) => p.getAttribute('d') ?? ''));
    expect(lines.length).toBe(9);
    for (const d of lines) expect(d.length).toBeGreaterThan(20);
    // Size picture: one tick per run (432), one point per agent, and the -Oz line.
    expect(await page.$$eval('#pareto svg .role-mark.mark-rect path', (xs) => xs.length)).toBe(432);
    expect(await page.$$eval('#pareto svg .role-mark.mark-symbol path', (xs) => xs.length)).toBe(9);
    expect(await page.$$eval('#pareto svg .role-mark.mark-rule line', (xs) => xs.length)).toBeGreaterThanOrEqual(1);
    const text = await page.textContent('#pareto');
    expect(text).toContain('-Oz');
    // Picking one kernel redraws the lines from that kernel's runs.
    const before = lines.join();
    await page.selectOption('#convergence select', 'sort');
    await page.waitForFunction((b) => Array.from(document.querySelectorAll('#convergence svg .role-mark.mark-line path')).map((p) => p.getAttribute('d')).join() !== b, before);
    expect(await page.$$eval('#convergence svg .role-mark.mark-line path', (ps) => ps.length)).toBe(9);
    await page.screenshot({ path: join(ARTIFACTS, 'report.png'), fullPage: true });
    expect(readFileSync(join(ARTIFACTS, 'report.png')).byteLength).toBeGreaterThan(10_000);
  });

  it('sorts the leaderboard table when a column header is clicked', async () => {
    const column = async (i: number) => page.$$eval(`#leaderboard tbody tr td:nth-child(${i})`, (tds) => tds.map((td) => td.textContent ?? ''));
    const headers = await page.$$eval('#leaderboard thead th', (ths) => ths.map((th) => th.textContent ?? ''));
    const geo = headers.indexOf('geomean ×Oz') + 1;
    const walltime = headers.indexOf('walltime/run s') + 1;
    expect(geo).toBeGreaterThan(0);
    expect(walltime).toBeGreaterThan(0);

    await page.click(`#leaderboard thead th:nth-child(${walltime})`);
    const up = (await column(walltime)).map(Number);
    expect(up).toEqual([...up].sort((a, b) => a - b));
    expect(await page.getAttribute(`#leaderboard thead th:nth-child(${walltime})`, 'aria-sort')).toBe('ascending');
    await page.click(`#leaderboard thead th:nth-child(${walltime})`);
    const down = (await column(walltime)).map(Number);
    expect(down).toEqual([...up].reverse());

    await page.click('#leaderboard thead th:nth-child(1)');
    const agents = await column(1);
    expect(agents).toEqual([...agents].sort((a, b) => a.localeCompare(b)));
    expect(agents).toHaveLength(9);

    await page.click(`#leaderboard thead th:nth-child(${geo})`);
    const geomeans = (await column(geo)).map(Number);
    expect(geomeans).toEqual([...geomeans].sort((a, b) => a - b));
    expect((await column(1))[0]).toBe('sweep'); // 0.8390, the best of the committed table
  });
});
