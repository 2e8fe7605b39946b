/** Runs `each` over the ids, a few at a time (`atOnce`), keeping their order in the results. */
export async function inTurn<T>(ids: readonly string[], each: (id: string) => Promise<T>, atOnce = 8): Promise<T[]> {
  const results: T[] = new Array(ids.length);
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const i = next++;
      results[i] = await each(ids[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(atOnce, ids.length) }, worker));
  return results;
}
