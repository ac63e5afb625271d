/**
 * @module lib/geo/load-atlas — loads the map's geometry and drawing code on first use, once.
 *
 * A dynamic `import()` of the package's JSON rather than a copy in public/ fetched at runtime: the
 * bundler emits it as its own chunk (as `JSON.parse` of a string, which parses faster than a JS
 * literal), read from the extension package only when a map is first shown; it works unchanged in
 * Vitest and Node; there is no second copy of the data to keep in step with the pinned world-atlas;
 * and there is no URL or `fetch`, so no network path at all. The drawing code (d3-geo,
 * topojson-client: ~35 kB minified) comes in the same lazy step, so the panel's own chunk only holds
 * what decides whether there is a map (view.ts and the country table).
 */
import type { AtlasIndex, CountriesTopology } from './atlas';
import type { drawMap } from './draw';
import type { AtlasDetail } from './view';

export interface MapKit {
  atlas: AtlasIndex;
  drawMap: typeof drawMap;
}

const importers: Record<AtlasDetail, () => Promise<{ default: unknown }>> = {
  '50m': () => import('world-atlas/countries-50m.json'),
  '110m': () => import('world-atlas/countries-110m.json'),
};

const pending = new Map<AtlasDetail, Promise<MapKit>>();
const ready = new Map<AtlasDetail, MapKit>();

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

async function load(detail: AtlasDetail): Promise<MapKit> {
  const [data, atlasModule, drawModule] = await Promise.all([importers[detail](), import('./atlas'), import('./draw')]);
  // Parsing the data, indexing it and drawing the first map each get a task of their own, so none
  // of them comes near the 50 ms budget of a main-thread task.
  await nextTask();
  const kit = { atlas: atlasModule.indexAtlas(data.default as CountriesTopology), drawMap: drawModule.drawMap };
  ready.set(detail, kit);
  await nextTask();
  return kit;
}

/** The indexed atlas at `detail` and the function to draw it; a failed load is retried on the next call. */
export function loadMapKit(detail: AtlasDetail): Promise<MapKit> {
  let promise = pending.get(detail);
  if (!promise) {
    promise = load(detail).catch((error: unknown) => {
      pending.delete(detail);
      throw error;
    });
    pending.set(detail, promise);
  }
  return promise;
}

/** The same, if it has already loaded, so a second map renders at once, without a placeholder. */
export function peekMapKit(detail: AtlasDetail): MapKit | undefined {
  return ready.get(detail);
}
