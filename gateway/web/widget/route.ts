/**
 * `/widget/…`: the coaching widget bundle and its demo page.
 * - `GET /widget/coaching-widget.js`: web/dist/coaching-widget.js (built by tools/web/build.ts, loaded
 *   through static-assets' `loadAssets`, so the same ETag and gzip), with CORS and CORP headers that let
 *   any page load it as a module script (`<script type="module" src>` is fetched in CORS mode).
 * - `GET /widget/demo`: paste an API key, start a demo session, mount the widget and play the lead
 *   (its code is the widget-demo bundle, served at `/widget/demo.js`; no inline script).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../../../core/server/http-util';
import type { GatewayRoute } from '../../http-handler';
import type { WebRoutesOptions } from '../options';
import { renderPage, sendPage } from '../page';
import { loadAssets, sendAsset, type Asset } from '../static-assets';

export const WIDGET_PATH = '/widget/coaching-widget.js';
export const DEMO_PATH = '/widget/demo';
/** The demo page's own code (web/widget-demo), served here beside the widget. */
export const DEMO_SCRIPT_PATH = '/widget/demo.js';

const DEMO_HEAD = `<link rel="icon" href="data:,">
<style>
body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1b1f24; background: #f6f8fa; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
form { display: grid; gap: .4rem; margin: 0 0 1rem; max-width: 32rem; align-content: start; }
input, textarea { font: inherit; padding: .4rem .5rem; border: 1px solid #6a737d; border-radius: 6px; }
button { font: inherit; justify-self: start; padding: .4rem 1rem; border-radius: 6px; border: 1px solid #1f4e79;
  background: #1f4e79; color: #fff; cursor: pointer; }
:focus-visible { outline: 3px solid #1a73e8; outline-offset: 2px; }
.cols { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1.5rem; align-items: start; }
pre { background: #fff; border: 1px solid #d0d7de; padding: .75rem; overflow-x: auto; font-size: .8rem; }
.hint { color: #4a5560; font-size: .9rem; }
</style>`;

const DEMO_BODY = `<main>
<h1>Coaching widget demo</h1>
<p>Paste an API key (a fresh <code>npm start</code> writes the demo tenants' keys to
<code>data/demo-credentials.json</code>). The demo starts a session for one of the key's agents, or opens the
session you name, and shows the widget on it. Then play the lead and watch the hints stream.</p>
<form id="setup">
  <label for="api-key">API key</label>
  <input id="api-key" name="apiKey" type="password" autocomplete="off" spellcheck="false" required>
  <label for="session-id">Existing session id (optional)</label>
  <input id="session-id" name="sessionId" type="text" autocomplete="off" spellcheck="false">
  <button type="submit">Open a demo session</button>
</form>
<p id="status" role="status"></p>
<section id="conversation" aria-labelledby="conversation-heading" hidden>
  <h2 id="conversation-heading">Conversation</h2>
  <p id="session-label" class="hint"></p>
  <div class="cols">
    <form id="lead">
      <label for="lead-text">Lead says…</label>
      <textarea id="lead-text" rows="4" maxlength="4000" required></textarea>
      <button type="submit">Send as the lead</button>
      <p class="hint">e.g. “The price feels too high, we're pre-approved for 450k.”</p>
    </form>
    <div id="widget-slot"></div>
  </div>
  <h2>Embed it in your page</h2>
  <pre><code id="snippet"></code></pre>
</section>
</main>`;

/** Embedded in other origins' pages: module scripts are fetched with CORS. */
const EMBED_HEADERS = { 'access-control-allow-origin': '*', 'cross-origin-resource-policy': 'cross-origin' };

function sendBundle(req: IncomingMessage, res: ServerResponse, asset: Asset): void {
  sendAsset(req, res, asset, EMBED_HEADERS);
}

/** The bundles this route serves, by path. */
const BUNDLES: Record<string, string> = {
  [WIDGET_PATH]: 'coaching-widget.js',
  [DEMO_SCRIPT_PATH]: 'widget-demo.js',
};

export function widgetRoute(opts: WebRoutesOptions): GatewayRoute {
  let assets: ReturnType<typeof loadAssets> | undefined;
  // both bundles or a reload: a first request during a rebuild of web/dist must not stick with half of them
  const load = () => {
    if (!assets || !Object.values(BUNDLES).every((b) => assets!.has(b))) assets = loadAssets(opts.assetsDir);
    return assets;
  };
  return async (req: IncomingMessage, res: ServerResponse) => {
    const pathname = (req.url ?? '/').split('?')[0]!;
    if (!Object.hasOwn(BUNDLES, pathname) && pathname !== DEMO_PATH) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { error: 'method not allowed' });
      return true;
    }
    const built = load();
    const bundle = built.get(BUNDLES[pathname] ?? 'widget-demo.js');
    if (!bundle || !built.has(BUNDLES[WIDGET_PATH]!)) {
      sendJson(res, 503, { error: 'the widget is not built: run `npm run build:web`' });
      return true;
    }
    if (Object.hasOwn(BUNDLES, pathname)) {
      sendBundle(req, res, bundle);
      return true;
    }
    const scripts = [WIDGET_PATH, DEMO_SCRIPT_PATH].map(
      (src) => `<script type="module" src="${src}"></script>`,
    );
    sendPage(
      res,
      renderPage({ title: 'Coaching widget demo', head: DEMO_HEAD + scripts.join('\n'), body: DEMO_BODY }),
    );
    return true;
  };
}
