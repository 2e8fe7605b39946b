import path from 'node:path';
import express, { type Router } from 'express';

/** Where the page's files live: plain ES modules, served as they are (no build step). */
export const WEB_ROOT = path.resolve(__dirname, '..', 'web');

/**
 * The managers' web page, mounted at /ui: static files from `web/`, speaking only to the public API (same origin).
 * Its own CSP replaces the API's `default-src 'none'`: scripts, styles and fetches from this origin only,
 * no inline script or style.
 */
export function webPage(): Router {
  const router = express.Router();
  router.use((_req, res, next) => {
    res.locals.route ??= '/ui';
    res.set(
      'content-security-policy',
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
    next();
  });
  // The page's settings, public: where the Temporal UI is, for the link to each inspection's workflow.
  router.get('/config.json', (_req, res) => {
    res.locals.route = '/ui/config.json';
    res.json({ temporalUiUrl: temporalUiUrl() });
  });
  router.use(express.static(WEB_ROOT, { index: 'index.html', redirect: true, fallthrough: true }));
  return router;
}

/** `TEMPORAL_UI_URL`, default the dev server's UI, without a trailing slash. */
export function temporalUiUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.TEMPORAL_UI_URL || 'http://localhost:8233').replace(/\/+$/, '');
}
