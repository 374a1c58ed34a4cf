// Values a busy page reads on every request but that may be a few seconds stale (the services
// in a filter, the people in a list): loaded at most once per lifetime for each council.
export function perCouncilCache<T>(load: (councilId: string) => Promise<T>, lifeMs = 10_000) {
  const cache = new Map<string, { loadedAt: number; value: Promise<T> }>();
  return (councilId: string): Promise<T> => {
    const cached = cache.get(councilId);
    if (cached && Date.now() - cached.loadedAt < lifeMs) return cached.value;
    const value = load(councilId);
    cache.set(councilId, { loadedAt: Date.now(), value });
    value.catch(() => cache.delete(councilId));
    return value;
  };
}
