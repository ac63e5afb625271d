/**
 * Drawing 50 varied maps (cities on every continent, both sides of the antimeridian, near the poles,
 * countries large and small). Not part of `vitest run`; run with `npx vitest bench tests/lib/geo`.
 * Numbers from 2026-11-25 are in the PlaceMap report (issue #7).
 */
import { bench, describe } from 'vitest';
import type { AtlasIndex } from '../../../lib/geo/atlas';
import { drawMap } from '../../../lib/geo/draw';
import { loadMapKit } from '../../../lib/geo/load-atlas';
import { chooseView, type MapPoint, type ViewRequest } from '../../../lib/geo/view';

const P = (label: string, lat: number, lon: number, country: string): ViewRequest => ({
  focus: { label, lat, lon },
  country,
});
const aleppo: MapPoint = { lat: 36.2, lon: 37.15, label: 'Aleppo' };
const cases: ViewRequest[] = [
  { ...P('Damascus', 33.51, 36.29, 'SY'), others: [aleppo, { lat: 38.9, lon: -77.04, label: 'Washington' }] },
  P('Aleppo', 36.2, 37.15, 'SY'),
  P('Kyiv', 50.45, 30.52, 'UA'),
  P('Gaza', 31.5, 34.47, 'PS'),
  P('Tehran', 35.69, 51.39, 'IR'),
  P('Baghdad', 33.31, 44.36, 'IQ'),
  P('Beirut', 33.89, 35.5, 'LB'),
  P('Khartoum', 15.5, 32.56, 'SD'),
  P('Paris', 48.86, 2.35, 'FR'),
  P('London', 51.51, -0.13, 'GB'),
  P('Berlin', 52.52, 13.4, 'DE'),
  P('Brussels', 50.85, 4.35, 'BE'),
  P('Moscow', 55.76, 37.62, 'RU'),
  P('Vladivostok', 43.12, 131.9, 'RU'),
  P('Anadyr', 64.73, 177.5, 'RU'),
  P('Beijing', 39.9, 116.4, 'CN'),
  P('Taipei', 25.03, 121.57, 'TW'),
  P('Tokyo', 35.68, 139.69, 'JP'),
  P('Seoul', 37.57, 126.98, 'KR'),
  P('Manila', 14.6, 120.98, 'PH'),
  P('Jakarta', -6.2, 106.85, 'ID'),
  P('Sydney', -33.87, 151.21, 'AU'),
  P('Auckland', -36.85, 174.76, 'NZ'),
  P('Suva', -18.14, 178.44, 'FJ'),
  P('Honolulu', 21.31, -157.86, 'US'),
  P('Anchorage', 61.22, -149.9, 'US'),
  P('Washington', 38.9, -77.04, 'US'),
  P('Mexico City', 19.43, -99.13, 'MX'),
  P('Bogotá', 4.71, -74.07, 'CO'),
  P('São Paulo', -23.55, -46.63, 'BR'),
  P('Buenos Aires', -34.6, -58.38, 'AR'),
  P('Caracas', 10.48, -66.9, 'VE'),
  P('Lagos', 6.52, 3.38, 'NG'),
  P('Nairobi', -1.29, 36.82, 'KE'),
  P('Johannesburg', -26.2, 28.05, 'ZA'),
  P('Cairo', 30.04, 31.24, 'EG'),
  P('Reykjavík', 64.15, -21.94, 'IS'),
  P('Nuuk', 64.18, -51.72, 'GL'),
  P('Pristina', 42.66, 21.17, 'XK'),
  P('Valletta', 35.9, 14.51, 'MT'),
  { country: 'RU' },
  { country: 'US' },
  { country: 'CA' },
  { country: 'CN' },
  { country: 'FR' },
  { country: 'IR' },
  { country: 'BR' },
  { country: 'IL' },
  { country: 'NO' },
  { ...P('Syria', 35, 38.5, 'SY'), scale: 'country' },
];

const kits = await Promise.all([loadMapKit('50m'), loadMapKit('110m')]);
const atlases: Record<string, AtlasIndex> = { '50m': kits[0].atlas, '110m': kits[1].atlas };
const views = cases.map((c) => ({ c, view: chooseView(c) })).filter((x) => x.view !== null);

describe('drawMap', () => {
  bench(`${views.length} varied maps at 320 × 200`, () => {
    for (const { c, view } of views) {
      if (view) drawMap(atlases[view.detail], view, { width: 320, height: 200 }, c.focus, c.others);
    }
  });
});
