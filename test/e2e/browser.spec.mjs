// End-to-end test of kg in Neo4j Browser, as a person would use it: open the
// Browser served by the test Neo4j, connect, apply kg's style sheet, set the
// parameters and run the saved ego_network query for Vladimir Putin, then
// read the result in the Text view and check that Putin is linked to the
// Collective Security Treaty Organization. Saves a screenshot of the graph.
//
// Plain Node script (no test runner): exit 0 on success, 1 with a message on
// failure. Runs Debian's chromium through playwright-core; it never
// downloads a browser. cmd/kg/browser_e2e_test.go (TestBrowserEndToEnd)
// loads the seed article and runs this.
//
// Environment:
//   KG_TEST_NEO4J_URI       bolt URI (default bolt://127.0.0.1:7687)
//   KG_TEST_NEO4J_HTTP      Browser origin (default http://127.0.0.1:7474)
//   KG_TEST_NEO4J_USER      default neo4j
//   KG_TEST_NEO4J_PASSWORD  default kgpassword
//   KG_E2E_CHROMIUM         default /usr/bin/chromium
//   KG_E2E_SCREENSHOT       default <repo>/test-artifacts/browser-e2e.png
//   KG_E2E_ENTITY           default "Vladimir Putin"
//   KG_E2E_EXPECT           default "Collective Security Treaty Organization"
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const env = (k, d) => process.env[k] || d;

const boltURI = env('KG_TEST_NEO4J_URI', 'bolt://127.0.0.1:7687');
const httpURL = env('KG_TEST_NEO4J_HTTP', 'http://127.0.0.1:7474').replace(/\/+$/, '');
const user = env('KG_TEST_NEO4J_USER', 'neo4j');
const password = env('KG_TEST_NEO4J_PASSWORD', 'kgpassword');
const executablePath = env('KG_E2E_CHROMIUM', '/usr/bin/chromium');
const screenshot = env('KG_E2E_SCREENSHOT', path.join(repo, 'test-artifacts', 'browser-e2e.png'));
const entity = env('KG_E2E_ENTITY', 'Vladimir Putin');
const expected = env('KG_E2E_EXPECT', 'Collective Security Treaty Organization');

const log = (...a) => console.log('[e2e]', ...a);

// The saved query exactly as kg ships it; Browser takes // comments.
const query = fs.readFileSync(path.join(repo, 'queries', 'ego_network.cypher'), 'utf8');
const style = fs.readFileSync(path.join(repo, 'deploy', 'neo4j', 'browser', 'kg.grass'), 'utf8');

const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-e2e-chromium-'));
let context;
let page;

async function main() {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = context.pages()[0] || (await context.newPage());
  page.setDefaultTimeout(60_000);

  log('open', `${httpURL}/browser/`);
  await page.goto(`${httpURL}/browser/`, { waitUntil: 'domcontentloaded' });

  // Connect form. A full URL in the address box also sets the scheme.
  const address = page.getByTestId('boltaddress');
  await address.waitFor();
  await address.fill(boltURI);
  await page.getByTestId('username').fill(user);
  await page.getByTestId('password').fill(password);
  await page.getByTestId('connect').click();
  await page.getByText('You are connected as user').waitFor();
  log('connected to', boltURI, 'as', user);

  // Each command goes into the main editor (Monaco) by a paste event, so
  // Monaco's auto-closing brackets cannot change the text, then runs.
  async function run(text) {
    const frames = await page.getByTestId('frame').count();
    const editor = page.locator('[data-testid="activeEditor"] textarea');
    await editor.focus();
    await editor.evaluate((el, t) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', t);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, text);
    await page.getByTestId('editor-Run').click();
    // The new frame appears at the top of the stream.
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="frame"]').length > n, frames);
    return page.getByTestId('frame').first();
  }

  await run(':style ' + style);
  log('applied kg.grass');
  await run(`:params {name: ${JSON.stringify(entity)}, depth: 1, limit: 200}`);
  const frame = await run(query);
  log('ran saved query ego_network for', entity);

  // Wait for the result (or an error) in the newest frame.
  await frame.locator('[data-testid="frame-loaded-contents"], [data-testid="cypherFrameErrorMessage"]').first().waitFor();
  if (await frame.getByTestId('cypherFrameErrorMessage').count()) {
    throw new Error('query failed in Browser: ' + (await frame.innerText()));
  }

  // Text view: an ASCII table whose cells wrap over several lines. Some
  // row must have the entity as one end of the relation and the expected
  // organisation as the other.
  await frame.getByTestId('cypherFrameSidebarAscii').click();
  const text = await frame.getByTestId('frame-loaded-contents').innerText();
  const [header, ...rows] = parseTextTable(text);
  if (!header || header.join(',') !== 'source,relation,target,count') {
    throw new Error(`unexpected Text view header ${JSON.stringify(header)}:\n${text.slice(0, 2000)}`);
  }
  const named = (cell, name) => cell.includes(`name: ${JSON.stringify(name)}`);
  const hit = rows.find((r) => (named(r[0], entity) && named(r[2], expected)) || (named(r[0], expected) && named(r[2], entity)));
  if (!hit) {
    throw new Error(`no result row links "${entity}" and "${expected}" (${rows.length} rows); Text view:\n${text.slice(0, 4000)}`);
  }
  const rel = (hit[1].match(/^\[:([A-Z_]+)/) || [])[1] || '?';
  log(`Text view: ${rows.length} rows; ${named(hit[0], entity) ? entity : expected} -[:${rel}]-> ${named(hit[0], entity) ? expected : entity}`);

  // Graph view, for the record: the captions come from kg.grass ({name}).
  await frame.getByTestId('cypherFrameSidebarVisualization').click();
  await frame.locator('svg text').first().waitFor();
  const captions = await frame.locator('svg .node text').allTextContents();
  log('graph view captions:', captions.filter((c) => c.trim()).join(' / '));
  await page.waitForTimeout(1500); // let the force layout settle
  fs.mkdirSync(path.dirname(screenshot), { recursive: true });
  await frame.screenshot({ path: screenshot });
  log('screenshot', screenshot);
}

// parseTextTable turns Browser's Text view (a box-drawn table whose cells
// wrap at a fixed width) into rows of cells, the header first.
function parseTextTable(text) {
  const rows = [];
  let cur = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('│')) {
      const cells = line.split('│').slice(1, -1);
      if (!cur) cur = cells.map(() => '');
      cells.forEach((c, i) => { cur[i] += c; });
    } else if (cur && /^[╞├╘]/.test(line)) {
      rows.push(cur.map((c) => c.trim()));
      cur = null;
    }
  }
  if (cur) rows.push(cur.map((c) => c.trim()));
  return rows;
}

let failed = false;
try {
  await main();
} catch (err) {
  failed = true;
  console.error('[e2e] FAIL:', err && err.message ? err.message : err);
  if (page) {
    const p = screenshot.replace(/\.png$/, '-failure.png');
    try {
      fs.mkdirSync(path.dirname(p), { recursive: true });
      await page.screenshot({ path: p, fullPage: true });
      console.error('[e2e] failure screenshot', p);
    } catch { /* best effort */ }
  }
} finally {
  if (context) await context.close().catch(() => {});
  fs.rmSync(userDataDir, { recursive: true, force: true });
}
console.log(failed ? '[e2e] failed' : '[e2e] ok');
process.exit(failed ? 1 : 0);
