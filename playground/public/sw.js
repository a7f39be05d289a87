// Offline support: once the page has been loaded, it works without a network.
// On install, every file of the build (from Vite's manifest) is cached; afterwards each request
// goes to the network first (so a new build is picked up at once) and falls back to the cache.
const CACHE = "tilsyn-legeplads-v1";

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const urls = ["./", "./index.html"];
      try {
        const manifest = await (await fetch("./.vite/manifest.json", { cache: "no-cache" })).json();
        for (const entry of Object.values(manifest)) {
          // The sample person files (data/eksempel-personer, ≈3 MB) are fetched only when a
          // measurement is chosen, and cached then.
          if (entry.file.endsWith(".csv")) continue;
          urls.push(`./${entry.file}`);
          for (const file of [...(entry.css ?? []), ...(entry.assets ?? [])]) if (!file.endsWith(".csv")) urls.push(`./${file}`);
        }
      } catch {
        // Without a manifest, files are still cached as they are fetched.
      }
      await Promise.all([...new Set(urls)].map((url) => cache.add(url).catch(() => undefined)));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      try {
        const response = await fetch(request);
        if (response.ok) await cache.put(request, response.clone());
        return response;
      } catch (error) {
        const cached = await cache.match(request, { ignoreSearch: true });
        if (cached) return cached;
        throw error;
      }
    })(),
  );
});
