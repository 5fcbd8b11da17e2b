// What the inbox benchmark measures in Chromium: first-load JavaScript, click-to-newest-message
// time against a direct listMessages fetch from the same page, and DOM size while scrolling back.
import { gzipSync } from "node:zlib";
import { type Browser, chromium, type Page } from "@playwright/test";
import { chromiumExecutable } from "@/e2e/config";
import type { DemoCredentials } from "@/scripts/inbox-server";

const VIEWPORT = { width: 1440, height: 900 };
const PAINT_TIMEOUT_MS = 60_000;
// After `load`, how long no new script may arrive before first load counts as over.
const SCRIPT_QUIET_MS = 1_500;

export type Chunk = { url: string; bytes: number; gzipBytes: number; inHtml: boolean };
export type ClickSample = {
  ms: number;
  baselineMs: number;
  /** Resource timings of the requests the click started, when the browser reported them. */
  rscMs: number | null;
  listMessagesMs: number | null;
};
export type ScrollReport = {
  steps: number;
  pagesLoaded: number;
  oldestRenderedId: string | null;
  maxArticles: number;
  maxDomNodes: number;
  keptLoading: boolean;
};

export async function launchSignedIn(baseUrl: string, credentials: DemoCredentials) {
  const executablePath = chromiumExecutable();
  const browser = await chromium.launch(executablePath ? { executablePath } : {});
  const signIn = await browser.newContext({ baseURL: baseUrl, viewport: VIEWPORT });
  const page = await signIn.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(credentials.email);
  await page.getByLabel("Password").fill(credentials.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/inbox/);
  const storageState = await signIn.storageState();
  await signIn.close();
  /** A context with an empty HTTP cache and the signed-in session. */
  const freshPage = async () => {
    const context = await browser.newContext({ baseURL: baseUrl, viewport: VIEWPORT, storageState });
    // tsx compiles with keepNames, so functions passed to page.evaluate call esbuild's `__name`.
    await context.addInitScript("globalThis.__name = (fn) => fn;");
    return context.newPage();
  };
  return { browser, freshPage };
}

/** Every script the page loads on a cold first load of `path`, gzipped here with zlib's default level. */
export async function firstLoadScripts(page: Page, path: string): Promise<Chunk[]> {
  const bodies = new Map<string, Promise<Buffer | null>>();
  let lastScriptAt = Date.now();
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    lastScriptAt = Date.now();
    bodies.set(
      response.url(),
      response.body().catch(() => null),
    );
  });
  const response = await page.goto(path, { waitUntil: "load" });
  const html = (await response?.text()) ?? "";
  while (Date.now() - lastScriptAt < SCRIPT_QUIET_MS) await page.waitForTimeout(250);
  const chunks: Chunk[] = [];
  for (const [url, body] of bodies) {
    const bytes = await body;
    if (!bytes) continue;
    const pathname = new URL(url).pathname;
    chunks.push({
      url: pathname,
      bytes: bytes.length,
      gzipBytes: gzipSync(bytes).length,
      inHtml: html.includes(pathname),
    });
  }
  return chunks.sort((a, b) => b.gzipBytes - a.gzipBytes);
}

function listMessagesUrl(conversationId: string) {
  const input = JSON.stringify({ 0: { conversationId, limit: 50 } });
  return `/api/trpc/v1.connect.listMessages?batch=1&input=${encodeURIComponent(input)}`;
}

/** The floor: the same page fetching the conversation's newest page directly. Returns the newest message id too. */
export async function fetchNewestPage(page: Page, conversationId: string) {
  return page.evaluate(async (url) => {
    const started = performance.now();
    const response = await fetch(url, { cache: "no-store" });
    const body: [{ result: { data: { items: { id: string }[] } } }] = await response.json();
    const ms = performance.now() - started;
    return { ms, newestId: body[0].result.data.items.at(-1)?.id ?? null };
  }, listMessagesUrl(conversationId));
}

function waitForNewestVisible(page: Page, messageId: string) {
  return page.waitForFunction(
    (id) => {
      const row = document.querySelector(`article[data-message-id="${CSS.escape(id)}"]`);
      const scroller = row?.closest("section");
      if (!row || !scroller) return false;
      const r = row.getBoundingClientRect();
      const s = scroller.getBoundingClientRect();
      return r.height > 0 && r.bottom > s.top && r.top < s.bottom;
    },
    messageId,
    { timeout: PAINT_TIMEOUT_MS, polling: "raf" },
  );
}

/**
 * Clicks the conversation's row and resolves with the ms until its newest message is in the DOM,
 * inside the history's scroll box, and a frame has been painted with it. Polls once per frame
 * (no layout forced between frames), so the figure is accurate to about one frame.
 */
async function clickToNewestPainted(page: Page, conversationId: string, messageId: string) {
  return page.evaluate(
    ({ conversationId, messageId, timeoutMs }) =>
      new Promise<{ ms: number; rscMs: number | null; listMessagesMs: number | null }>((resolve, reject) => {
        const link = document.querySelector<HTMLElement>(
          `a[data-conversation-id="${CSS.escape(conversationId)}"]`,
        );
        if (!link) {
          reject(new Error(`no row for conversation ${conversationId} in the list`));
          return;
        }
        const visible = () => {
          const row = document.querySelector(`article[data-message-id="${CSS.escape(messageId)}"]`);
          const scroller = row?.closest("section");
          if (!row || !scroller) return false;
          const r = row.getBoundingClientRect();
          const s = scroller.getBoundingClientRect();
          return r.height > 0 && r.bottom > s.top && r.top < s.bottom;
        };
        const timing = (started: number, test: (name: string) => boolean) => {
          const entry = performance
            .getEntriesByType("resource")
            .filter((e): e is PerformanceResourceTiming => e instanceof PerformanceResourceTiming)
            .find((e) => e.startTime >= started && test(e.name));
          return entry ? entry.responseEnd - entry.startTime : null;
        };
        let settled = false;
        const started = performance.now();
        const timer = window.setTimeout(() => {
          settled = true;
          reject(new Error(`message ${messageId} not visible after ${timeoutMs} ms`));
        }, timeoutMs);
        const poll = () => {
          if (settled) return;
          if (!visible()) {
            requestAnimationFrame(poll);
            return;
          }
          settled = true;
          window.clearTimeout(timer);
          // A task queued from a frame callback runs after that frame's paint.
          window.setTimeout(() =>
            resolve({
              ms: performance.now() - started,
              rscMs: timing(started, (name) => name.includes("_rsc=")),
              listMessagesMs: timing(started, (name) => name.includes("v1.connect.listMessages")),
            }),
          );
        };
        performance.clearResourceTimings();
        requestAnimationFrame(poll);
        link.click();
      }),
    { conversationId, messageId, timeoutMs: PAINT_TIMEOUT_MS },
  );
}

export type ClickPair = { from: string; to: string };

/**
 * One sample per pair: open `from` in a fresh page load (the client's query cache is empty),
 * fetch `to`'s newest page directly (the baseline), then click `to` (cold). Then click back to
 * `from` and again to `to`: the second click finds `to` in the query cache (warm).
 */
export async function measureClicks(page: Page, pairs: ClickPair[], newestIds: Map<string, string>) {
  const cold: ClickSample[] = [];
  const warm: ClickSample[] = [];
  let failures = 0;
  for (const [index, { from, to }] of pairs.entries()) {
    const fromNewest = newestIds.get(from);
    const toNewest = newestIds.get(to);
    if (!fromNewest || !toNewest) throw new Error("unknown newest message");
    try {
      await page.goto(`/inbox/${from}`);
      await waitForNewestVisible(page, fromNewest);
      await page.locator(`a[data-conversation-id="${to}"]`).waitFor({ timeout: PAINT_TIMEOUT_MS });
      const baseline = await fetchNewestPage(page, to);
      const first = await clickToNewestPainted(page, to, toNewest);
      cold.push({ ...first, baselineMs: baseline.ms });
      await page.locator(`a[data-conversation-id="${from}"]`).click();
      await waitForNewestVisible(page, fromNewest);
      const again = await fetchNewestPage(page, to);
      const second = await clickToNewestPainted(page, to, toNewest);
      warm.push({ ...second, baselineMs: again.ms });
      console.log(
        `  ${index + 1}/${pairs.length} cold ${first.ms.toFixed(0)} ms (fetch ${baseline.ms.toFixed(0)}), warm ${second.ms.toFixed(0)} ms`,
      );
    } catch (error) {
      // A loaded machine can starve one sample; count it rather than lose the run.
      failures += 1;
      console.log(
        `  ${index + 1}/${pairs.length} failed: ${error instanceof Error ? error.message.split("\n")[0] : error}`,
      );
    }
  }
  return { cold, warm, failures };
}

/**
 * Opens the conversation and wheels up through its history, sampling rendered message rows and
 * all DOM nodes after each step, until `pages` older pages have arrived or `maxSteps` is reached.
 */
export async function scrollHistory(
  page: Page,
  conversationId: string,
  newestId: string,
  options: { pages: number; maxSteps: number },
): Promise<ScrollReport> {
  let pagesLoaded = 0;
  page.on("response", (response) => {
    const url = decodeURIComponent(response.url());
    if (url.includes("v1.connect.listMessages") && url.includes('"cursor":"')) pagesLoaded += 1;
  });
  await page.goto(`/inbox/${conversationId}`);
  await waitForNewestVisible(page, newestId);
  const history = page
    .locator(`article[data-message-id="${newestId}"]`)
    .locator("xpath=ancestor::section[1]");
  const box = await history.boundingBox();
  if (!box) throw new Error("the history has no box");
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const sample = () =>
    page.evaluate(() => {
      const articles = document.querySelectorAll<HTMLElement>("article[data-message-id]");
      return {
        articles: articles.length,
        domNodes: document.getElementsByTagName("*").length,
        firstId: articles[0]?.dataset.messageId ?? null,
      };
    });
  let maxArticles = 0;
  let maxDomNodes = 0;
  let oldestRenderedId: string | null = null;
  let steps = 0;
  while (steps < options.maxSteps && pagesLoaded < options.pages) {
    await page.mouse.wheel(0, -2_000);
    await page.waitForTimeout(150);
    steps += 1;
    const now = await sample();
    maxArticles = Math.max(maxArticles, now.articles);
    maxDomNodes = Math.max(maxDomNodes, now.domNodes);
    if (now.firstId && (!oldestRenderedId || now.firstId < oldestRenderedId)) oldestRenderedId = now.firstId;
  }
  return {
    steps,
    pagesLoaded,
    oldestRenderedId,
    maxArticles,
    maxDomNodes,
    keptLoading: pagesLoaded >= options.pages,
  };
}

export async function closeBrowser(browser: Browser) {
  await browser.close().catch(() => {});
}
