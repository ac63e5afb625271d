import { beforeAll, describe, expect, test } from 'vitest';
import { type AtlasIndex, visiblePart } from '../../../lib/geo/atlas';
import { drawMap, projectionFor } from '../../../lib/geo/draw';
import { loadMapKit } from '../../../lib/geo/load-atlas';
import { chooseView, type MapView } from '../../../lib/geo/view';

const SIZE = { width: 320, height: 200 };
let fine: AtlasIndex;
let coarse: AtlasIndex;

beforeAll(async () => {
  [fine, coarse] = (await Promise.all([loadMapKit('50m'), loadMapKit('110m')])).map((kit) => kit.atlas);
});

function atlasFor(view: MapView): AtlasIndex {
  return view.detail === '50m' ? fine : coarse;
}

describe('drawMap', () => {
  test('draws a city with its country shaded and nearby others inside the frame', () => {
    const damascus = { lat: 33.51, lon: 36.29, label: 'Damascus' };
    const others = [
      { lat: 36.2, lon: 37.15, label: 'Aleppo' },
      { lat: 38.9, lon: -77.04, label: 'Washington' },
    ];
    const view = chooseView({ focus: damascus, country: 'SY', others }) as MapView;
    const d = drawMap(atlasFor(view), view, SIZE, damascus, others);
    expect(d.country).toMatch(/^M/);
    expect(d.land).toMatch(/^M/);
    expect(d.borders).toMatch(/^M/);
    expect(d.focus).toMatchObject({ label: 'Damascus' });
    expect(d.others.map((o) => o.label)).toEqual(['Aleppo']);
    // Aleppo is north of Damascus: up on the map.
    expect(d.others[0].y).toBeLessThan(d.focus?.y ?? 0);
    // A regional map is a small SVG.
    expect(d.land.length + d.country.length + d.borders.length).toBeLessThan(40_000);
  });

  test('only shapes near the view are drawn: a map of Syria holds no path near Brazil', () => {
    const view = chooseView({ country: 'SY' }) as MapView;
    const d = drawMap(atlasFor(view), view, SIZE);
    const numbers = (d.land + d.borders).match(/-?\d+(\.\d+)?/g)?.map(Number) ?? [];
    // Clipped to the frame (d3 clipExtent), so every coordinate is within it.
    expect(Math.min(...numbers)).toBeGreaterThanOrEqual(-1);
    expect(Math.max(...numbers)).toBeLessThanOrEqual(SIZE.width + 1);
  });

  test('Fiji across the antimeridian draws in one place, centred', () => {
    const view = chooseView({ country: 'FJ' }) as MapView;
    const d = drawMap(atlasFor(view), view, SIZE);
    const xs = (d.country.match(/-?\d+(\.\d+)?,/g) ?? []).map((s) => Number.parseFloat(s));
    expect(xs.length).toBeGreaterThan(10);
    // Both halves (east and west of 180°) fall inside the middle of the frame, not at its edges.
    const projection = projectionFor(view, SIZE);
    const west = projection([178.4, -17.8]) ?? [0, 0];
    const east = projection([-179.9, -16.8]) ?? [0, 0];
    expect(west[0]).toBeGreaterThan(20);
    expect(east[0]).toBeLessThan(SIZE.width - 20);
    expect(east[0]).toBeGreaterThan(west[0]);
  });

  test('a focus far outside an unrelated country view is not marked', () => {
    const view = chooseView({ country: 'FR' }) as MapView;
    const d = drawMap(atlasFor(view), view, SIZE, { lat: 35.68, lon: 139.69, label: 'Tokyo' });
    expect(d.focus).toBeUndefined();
  });

  test('others on the same spot as the focus or each other are drawn once', () => {
    const paris = { lat: 48.86, lon: 2.35, label: 'Paris' };
    const view = chooseView({ focus: paris, country: 'FR' }) as MapView;
    const d = drawMap(atlasFor(view), view, SIZE, paris, [
      { lat: 48.85, lon: 2.36, label: 'Île-de-France' },
      { lat: 49.9, lon: 2.3, label: 'Amiens' },
      { lat: 49.9, lon: 2.3, label: 'Amiens (again)' },
    ]);
    expect(d.others.map((o) => o.label)).toEqual(['Amiens']);
  });

  test('decoded polygons are cached: a second draw decodes nothing and returns the same paths', () => {
    const view = chooseView({ country: 'UA' }) as MapView;
    const first = drawMap(atlasFor(view), view, SIZE);
    const decoded = atlasFor(view).polygons.size;
    expect(decoded).toBeGreaterThan(0);
    const second = drawMap(atlasFor(view), view, SIZE);
    expect(second.land).toBe(first.land);
    expect(atlasFor(view).polygons.size).toBe(decoded);
  });

  test('only the polygons near the view are decoded: a map of Kyiv leaves the Canadian Arctic alone', () => {
    const view = chooseView({ focus: { lat: 50.45, lon: 30.52, label: 'Kyiv' }, country: 'UA' }) as MapView;
    drawMap(atlasFor(view), view, SIZE);
    const decodedCanada = [...atlasFor(view).polygons.keys()].filter((k) => k.startsWith('124#'));
    expect(decodedCanada).toEqual([]);
    expect([...atlasFor(view).polygons.keys()].some((k) => k.startsWith('804#'))).toBe(true); // Ukraine
  });

  test('a ring running over ±180° gets a box across it, not the whole world (Russia is not in a map of Nuuk)', () => {
    const russia = fine.byKey.get('643');
    const mainland = russia?.polygonBounds.find((b) => b[0] > 20 && b[0] < 30);
    expect(mainland?.[2]).toBeCloseTo(-169.7, 0); // east edge in Chukotka, across 180°
    const nuuk = { lat: 64.18, lon: -51.72, label: 'Nuuk' };
    const view = chooseView({ focus: nuuk, country: 'GL' }) as MapView;
    const d = drawMap(fine, view, SIZE, nuuk);
    expect(russia && visiblePart(fine, russia, d.shown)).toBeNull();
    expect(d.country).toMatch(/^M/); // Greenland
  });
});
