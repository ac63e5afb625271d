import { describe, expect, test } from 'vitest';
import {
  addPoint,
  centroidOf,
  citySubtype,
  emptyCentroid,
  isShippedRow,
  parseGeoNamesLine,
} from '../../../../lib/kb/build/geonames';

const LINE = [
  '173811',
  'Al Ḩasakah',
  'Al Hasakah',
  'Al Hasakah,Hasakeh,الحسكة',
  '36.50237',
  '40.74772',
  'P',
  'PPLA',
  'SY',
  '',
  '01',
  '',
  '',
  '',
  '81539',
  '',
  '305',
  'Asia/Damascus',
  '2012-01-18',
].join('\t');

describe('GeoNames rows', () => {
  test('parseGeoNamesLine reads id, names, position, codes and population', () => {
    expect(parseGeoNamesLine(LINE)).toEqual({
      geonameId: 173811,
      name: 'Al Ḩasakah',
      asciiName: 'Al Hasakah',
      alternateNames: ['Al Hasakah', 'Hasakeh', 'الحسكة'],
      lat: 36.50237,
      lon: 40.74772,
      featureCode: 'PPLA',
      countryCode: 'SY',
      admin1: '01',
      population: 81539,
    });
  });

  test('parseGeoNamesLine skips blank lines', () => {
    expect(parseGeoNamesLine('')).toBeUndefined();
  });

  test('seats are shipped whatever their population, other towns from the threshold', () => {
    const row = parseGeoNamesLine(LINE);
    if (!row) throw new Error('fixture');
    expect(isShippedRow({ ...row, featureCode: 'PPLA2', population: 0 }, 10_000)).toBe(true);
    expect(isShippedRow({ ...row, featureCode: 'PPL', population: 9_999 }, 10_000)).toBe(false);
    expect(isShippedRow({ ...row, featureCode: 'PPLH', population: 50_000 }, 10_000)).toBe(false);
  });

  test('citySubtype tells capitals, cities, towns and districts apart', () => {
    const row = parseGeoNamesLine(LINE);
    if (!row) throw new Error('fixture');
    expect(citySubtype({ ...row, featureCode: 'PPLC' }, false)).toBe('capital');
    expect(citySubtype(row, false)).toBe('city');
    expect(citySubtype({ ...row, featureCode: 'PPL', population: 20_000 }, false)).toBe('town');
    expect(citySubtype({ ...row, featureCode: 'PPLX' }, false)).toBe('district');
  });

  test('the centroid of points across the 180° meridian stays near it', () => {
    const sum = emptyCentroid();
    addPoint(sum, 65, 179);
    addPoint(sum, 67, -179);
    const c = centroidOf(sum);
    expect(c?.lat).toBe(66);
    expect(Math.abs(c?.lon ?? 0)).toBeCloseTo(180, 3);
  });
});
