import { describe, expect, test } from 'vitest';
import {
  type Bounds,
  boundsCenter,
  boundsContain,
  boundsIntersect,
  boundsOfPoints,
  distanceKm,
  lonSpan,
  padBounds,
  unionBounds,
} from '../../../lib/geo/bounds';

describe('bounds', () => {
  test('the union of two boxes on either side of the antimeridian crosses it instead of covering the world', () => {
    // Russia's mainland and Chukotka, which Natural Earth cuts at 180°.
    const u = unionBounds([27, 41, 180, 82], [-180, 64, -169, 72]);
    expect(u).toEqual([27, 41, -169, 82]);
    expect(lonSpan(u)).toBe(164);
  });

  test('the union of disjoint boxes takes the shorter way round', () => {
    expect(unionBounds([10, 0, 20, 5], [30, 0, 40, 5])).toEqual([10, 0, 40, 5]);
    expect(unionBounds([170, 0, 175, 5], [-175, 0, -170, 5])).toEqual([170, 0, -170, 5]);
  });

  test('the box of points on both sides of the antimeridian is cut at the widest gap', () => {
    const b = boundsOfPoints([
      [178.44, -18.14], // Suva
      [-171.76, -13.83], // Apia
      [179.2, -8.5], // Funafuti
    ]) as Bounds;
    expect(b[0]).toBeCloseTo(178.44);
    expect(b[2]).toBeCloseTo(-171.76);
    expect(lonSpan(b)).toBeCloseTo(9.8, 1);
    expect(boundsCenter(b)[0]).toBeCloseTo(-176.66, 1);
  });

  test('intersection and containment follow the antimeridian', () => {
    const fiji: Bounds = [177, -19, -179, -16];
    expect(boundsIntersect(fiji, [-179.5, -18, -179.2, -17])).toBe(true);
    expect(boundsIntersect(fiji, [0, -18, 10, -17])).toBe(false);
    expect(boundsContain(fiji, 179.9, -17)).toBe(true);
    expect(boundsContain(fiji, -179.5, -17)).toBe(true);
    expect(boundsContain(fiji, 170, -17)).toBe(false);
  });

  test('padding grows a point to the minimum span, wider in longitude at high latitude', () => {
    const b = padBounds([30, 60, 30, 60], 2, 0);
    expect(b[3] - b[1]).toBeCloseTo(2);
    expect(lonSpan(b)).toBeCloseTo(4, 1); // cos 60° = 0.5
    expect(boundsCenter(b)[0]).toBeCloseTo(30);
  });

  test('distance between Damascus and Aleppo is about 310 km', () => {
    expect(distanceKm({ lat: 33.51, lon: 36.29 }, { lat: 36.2, lon: 37.15 })).toBeGreaterThan(300);
    expect(distanceKm({ lat: 33.51, lon: 36.29 }, { lat: 36.2, lon: 37.15 })).toBeLessThan(320);
  });
});
