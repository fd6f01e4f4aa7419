/**
 * Waits for states, not times, with room for a busy machine: testing-library's
 * findBy/waitFor give up after 1 s by default, which a loaded 2-core machine can take
 * for one render. They still return as soon as the state is there. (Only where a DOM is.)
 */
if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/dom');
  configure({ asyncUtilTimeout: 20_000 });
}

export {};
