import { describe, expect, test } from 'vitest';
import {
  cleanAliases,
  isLatinName,
  unionAliases,
  withoutArabicArticle,
  withoutTitledAliases,
} from '../../../../lib/kb/build/names';

// Everyday words and people's names, as the build's word lists give them.
const blockedWords = new Set(['the', 'reading', 'stalin']);
const isBlocked = (folded: string) => blockedWords.has(folded);

describe('cleanAliases', () => {
  test('keeps Latin transliterations and drops other scripts', () => {
    expect(cleanAliases('Erbil', ['Irbil', 'Arbil', 'Hawler', 'أربيل', 'Арбил', 'アルビール県'])).toEqual([
      'Irbil',
      'Arbil',
      'Hawler',
    ]);
  });

  test('drops short all-capital codes such as airport codes', () => {
    expect(cleanAliases('Teresina', ['THE', 'Teresina City'])).toEqual(['Teresina City']);
  });

  test('drops lower-case romanisations and glosses', () => {
    expect(cleanAliases('Kyiv', ['ji fu', 'Kiev osh', 'Donetsk i Russland', 'Kiev'])).toEqual(['Kiev']);
  });

  test('keeps names with particles such as the Arabic article', () => {
    expect(cleanAliases('Deir ez-Zor', ['Dayr az Zawr', 'Deir al-Zor'])).toEqual(['Dayr az Zawr', 'Deir al-Zor']);
  });

  test('drops common English words and people’s names but not words known as places', () => {
    expect(cleanAliases('Donetsk', ['The', 'Reading', 'Stalin', 'Paris'], { isBlocked })).toEqual(['Paris']);
  });

  test('keeps one spelling per folded key and never the main name', () => {
    expect(cleanAliases('Al Ḩasakah', ['Al Hasakah', 'Hasakeh', 'Ḩasakeh'])).toEqual(['Hasakeh']);
  });

  test('drops reserved names such as country names', () => {
    expect(cleanAliases('Mexico City', ['Mexico', 'Ciudad de Mexico'], { reserved: new Set(['mexico']) })).toEqual([
      'Ciudad de Mexico',
    ]);
  });

  test('caps the list keeping spellings closest to the main name', () => {
    const many = ['Kaenugardur', 'Kiova', 'Kiev', 'Kiyev', 'Kijevas', 'Kyjiv', 'Chijv'];
    const kept = cleanAliases('Kyiv', many, { max: 3 });
    expect(kept).toHaveLength(3);
    expect(kept).toContain('Kiev');
    expect(kept).toContain('Kiyev');
    expect(kept).not.toContain('Kaenugardur');
  });

  test('drops glosses much longer than the name', () => {
    expect(cleanAliases('Deir ez-Zor', ['Ter Zor Der Zor Ter Zor'])).toEqual([]);
  });
});

describe('name helpers', () => {
  test('isLatinName accepts diacritics and rejects digits', () => {
    expect(isLatinName('Qāmishlī')).toBe(true);
    expect(isLatinName('Sector 7')).toBe(false);
  });

  test('withoutArabicArticle strips al-, ar- and as- when four letters remain', () => {
    expect(withoutArabicArticle('Al Qāmishlī')).toBe('Qāmishlī');
    expect(withoutArabicArticle('Ar-Raqqah')).toBe('Raqqah');
    expect(withoutArabicArticle('Al Ain')).toBeUndefined();
    expect(withoutArabicArticle('Damascus')).toBeUndefined();
  });

  test('unionAliases keeps the first spelling of each key and skips the name', () => {
    expect(unionAliases('Kyiv', ['Kiev', 'KYIV'], ['kiev', 'Kyiv City'])).toEqual(['Kiev', 'Kyiv City']);
  });
});

test('withoutTitledAliases: a title before another of the names is not an alias of its own', () => {
  expect(
    withoutTitledAliases('Emmanuel Macron', ['Macron', 'President Macron', 'Emmanuel Jean-Michel Macron']),
  ).toEqual(['Macron', 'Emmanuel Jean-Michel Macron']);
  // Kept when the rest is no name of the person: the alias is how they are known.
  expect(withoutTitledAliases('Salman of Saudi Arabia', ['King Salman'])).toEqual(['King Salman']);
});
