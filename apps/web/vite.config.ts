import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';

/**
 * The web app's only configuration module; nothing under `src/` reads the environment.
 *
 * - `WEB_PORT`: port of the dev and preview servers (default 5173).
 * - `API_URL`: origin of the API that `/graphql` (HTTP and graphql-ws) and the queue board
 *   (`/admin/queues`) are proxied to (default http://127.0.0.1:4000).
 */
function readPort(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${name} must be a port number between 1 and 65535, got "${raw}".`);
  }
  return port;
}

function readOrigin(name: string, fallback: string): string {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(url.protocol);
    return url.origin;
  } catch {
    throw new Error(`${name} must be an http(s) URL such as http://127.0.0.1:4000, got "${raw}".`);
  }
}

const port = readPort('WEB_PORT', 5173);
const apiUrl = readOrigin('API_URL', 'http://127.0.0.1:4000');

// The browser always talks to same-origin /graphql, so dev and preview behave like production.
// The queue board too: its cookie is then first-party and scoped to /admin/queues.
const proxy: Record<string, ProxyOptions> = {
  '/graphql': { target: apiUrl, changeOrigin: true, ws: true },
  '/admin/queues': { target: apiUrl, changeOrigin: true },
};

export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1', port, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port, strictPort: true, proxy },
  build: {
    rolldownOptions: {
      output: {
        // Libraries change far less often than the app, so browsers keep them cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
            // Only the sync-health dashboard (a lazy route) draws charts: their library and d3 stay out
            // of the first load. Its other dependencies are the app's own (Fluent), kept in vendor.
            {
              name: 'charts',
              test: /node_modules[\\/](@fluentui[\\/](react-charts|chart-utilities)|d3-[a-z-]+|internmap)[\\/]/,
              includeDependenciesRecursively: false,
            },
            // Split by the entries that use them, so what only a lazy route needs loads with it.
            { name: 'vendor', test: /node_modules[\\/]/, entriesAware: true },
          ],
        },
      },
    },
  },
});
