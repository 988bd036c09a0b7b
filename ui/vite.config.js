import { defineConfig } from 'vite';

// The server serves index.html at "/" and everything else under "/ui/" without a token, so the bundle
// lands in the jar as static/index.html plus static/ui/**.
export default defineConfig({
  base: '/',
  publicDir: 'public',
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    assetsDir: 'ui/assets',
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  test: {
    environment: 'jsdom',
    include: ['test/**/*.test.js'],
  },
});
