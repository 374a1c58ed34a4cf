// Values a busy page reads on every request but that may be a few seconds stale (the services
// in a filter, the people in a list, a board many people watch): loaded at most once per lifetime
// for each key. A load that fails is forgotten at once.
export function shortLived<T>(lifeMs: number) {
  const cache = new Map<string, { loadedAt: number; value: Promise<T> }>();
  return (key: string, load: () => Promise<T>): Promise<T> => {
    const now = Date.now();
    const cached = cache.get(key);
    if (cached && now - cached.loadedAt < lifeMs) return cached.value;
    if (cache.size > 10_000)
      for (const [old, entry] of cache) if (now - entry.loadedAt >= lifeMs) cache.delete(old);
    const value = load();
    cache.set(key, { loadedAt: now, value });
    value.catch(() => cache.delete(key));
    return value;
  };
}

// One value per council.
export function perCouncilCache<T>(load: (councilId: string) => Promise<T>, lifeMs = 10_000) {
  const cached = shortLived<T>(lifeMs);
  return (councilId: string): Promise<T> => cached(councilId, () => load(councilId));
}
