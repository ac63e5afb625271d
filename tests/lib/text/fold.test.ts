import { describe, expect, test } from 'vitest';
import { foldKey, foldWord, isArabicArticle, skeleton } from '../../../lib/text/fold';

describe('foldWord', () => {
  test('removes diacritics and lower-cases', () => {
    expect(foldWord('Ḩasakah')).toBe('hasakah');
    expect(foldWord('São')).toBe('sao');
  });

  test('maps letters that have no decomposition', () => {
    expect(foldWord('Łódź')).toBe('lodz');
    expect(foldWord('Straße')).toBe('strasse');
    expect(foldWord('Øresund')).toBe('oresund');
  });

  test('drops apostrophes, ayin marks and soft hyphens inside names', () => {
    expect(foldWord("Ma'arib")).toBe('maarib');
    expect(foldWord('Sanaʼa')).toBe('sanaa');
    expect(foldWord('Ka\u00ADmishli')).toBe('kamishli');
  });
});

describe('foldKey', () => {
  test('joins words with single spaces and splits on hyphens', () => {
    expect(foldKey('Deir ez-Zor')).toBe('deir ez zor');
    expect(foldKey('  al-Qāmishlī ')).toBe('al qamishli');
  });
});

describe('transliteration helpers', () => {
  test('recognizes Arabic articles', () => {
    expect(isArabicArticle('al')).toBe(true);
    expect(isArabicArticle('ash')).toBe(true);
    expect(isArabicArticle('alan')).toBe(false);
  });

  test('gives transliteration variants the same skeleton', () => {
    expect(skeleton('kamishli')).toBe(skeleton('qamishli'));
    expect(skeleton('kamishla')).toBe(skeleton('qamishli'));
    expect(skeleton('hasakeh')).toBe(skeleton('hasakah'));
  });

  test('keeps different names apart', () => {
    expect(skeleton('damascus')).not.toBe(skeleton('qamishli'));
  });
});
