import { describe, expect, test } from 'vitest';
import {
  legislatureLabel,
  parseArmedForces,
  parseCapitals,
  parseEstimate,
  parseFactbookDate,
  parseGovernmentType,
  parseOfficeHolders,
} from '../../../../lib/kb/build/factbook';

// Field texts as the CIA World Factbook (public domain, 2026-01-22) writes them, HTML already decoded.
describe('parseOfficeHolders', () => {
  test('title, name with its capitalized surname, and the since-date', () => {
    expect(parseOfficeHolders('Chancellor Friedrich MERZ (since 6 May 2025)')).toEqual([
      { title: 'Chancellor', name: 'Friedrich Merz', since: '2025-05-06' },
    ]);
    expect(parseOfficeHolders('President Donald J. TRUMP (since 20 January 2025)')[0]?.name).toBe('Donald J. Trump');
    expect(parseOfficeHolders('Prime Minister ANUTIN Charnvirakul (since 5 Sep 2025)')[0]).toEqual({
      title: 'Prime Minister',
      name: 'Anutin Charnvirakul',
      since: '2025-09-05',
    });
  });

  test('a surname first, Roman numerals and particles', () => {
    expect(parseOfficeHolders('President XI Jinping (since 14 March 2013)')[0]?.name).toBe('Xi Jinping');
    expect(parseOfficeHolders('King CARL XVI GUSTAF (since 15 September 1973)')[0]?.name).toBe('Carl XVI Gustaf');
    expect(parseOfficeHolders('President Luiz Inácio LULA da Silva (since 1 January 2023)')[0]?.name).toBe(
      'Luiz Inácio Lula da Silva',
    );
    expect(parseOfficeHolders('King SALMAN bin Abd al-Aziz Al Saud (since 23 January 2015)')[0]?.name).toBe(
      'Salman bin Abd al-Aziz al Saud',
    );
    expect(parseOfficeHolders('President Denis SASSOU-Nguesso (since 1997)')[0]).toEqual({
      title: 'President',
      name: 'Denis Sassou-Nguesso',
      since: '1997',
    });
  });

  test('an office named after a place keeps the place in the title', () => {
    expect(
      parseOfficeHolders(
        'President of the Government of Spain (prime minister-equivalent) Pedro SANCHEZ PEREZ-CASTEJON (since 2 June 2018)',
      )[0],
    ).toEqual({
      title: 'President of the Government of Spain',
      name: 'Pedro Sanchez Perez-Castejon',
      since: '2018-06-02',
    });
    expect(parseOfficeHolders('GNU Interim Prime Minister Abd-al-Hamid DUBAYBAH (since 5 February 2021)')[0]).toEqual({
      title: 'GNU Interim Prime Minister',
      name: 'Abd-al-Hamid Dubaybah',
      since: '2021-02-05',
    });
  });

  test('representatives and former holders are not holders; co-holders are', () => {
    expect(
      parseOfficeHolders(
        'King CHARLES III (since 8 September 2022); represented by Governor General Mary SIMON (since 26 July 2021)',
      ).map((h) => h.name),
    ).toEqual(['Charles III']);
    expect(
      parseOfficeHolders(
        "Ahmad al-Shara'; former President Bashar al-ASAD was overthrown by Islamist rebels on 8 December 2024",
      ),
    ).toEqual([{ name: "Ahmad al-Shara'" }]);
    expect(
      parseOfficeHolders(
        'co-chiefs of state Captains Regent Matteo ROSSI and Lorenzo BUGLI (for the period 1 October 2025 - 31 March 2026)',
      ).map((h) => h.name),
    ).toEqual(['Matteo Rossi', 'Lorenzo Bugli']);
    expect(parseOfficeHolders('President (vacant)')).toEqual([]);
  });
});

describe('the other fields', () => {
  test('dates in the forms the Factbook uses', () => {
    expect(parseFactbookDate('6 May 2025')).toBe('2025-05-06');
    expect(parseFactbookDate('21 Oct 2024')).toBe('2024-10-21');
    expect(parseFactbookDate('June 2022')).toBe('2022-06');
    expect(parseFactbookDate('2019')).toBe('2019');
    expect(parseFactbookDate('sometime')).toBeUndefined();
  });

  test('population with its year, and none for an uninhabited place', () => {
    expect(parseEstimate('84,012,284 (2025 est.)')).toEqual({ value: 84_012_284, year: 2025 });
    expect(parseEstimate('no indigenous inhabitants')).toBeUndefined();
  });

  test('capitals without notes; several capitals; a comma inside a name', () => {
    expect(
      parseCapitals(
        'Pretoria (administrative capital); Cape Town (legislative capital); Bloemfontein (judicial capital)',
      ),
    ).toEqual(['Pretoria', 'Cape Town', 'Bloemfontein']);
    expect(parseCapitals('Washington, D.C.')).toEqual(['Washington, D.C.']);
    expect(parseCapitals('Rangoon (Yangon); note - Nay Pyi Taw is the administrative capital')).toEqual(['Rangoon']);
    expect(parseCapitals('Chisinau in Romanian (Kishinev in Russian)')).toEqual(['Chisinau']);
  });

  test('government type, legislature and armed forces as names, without notes', () => {
    expect(parseGovernmentType('parliamentary democracy; self-governing overseas territory of the UK')).toBe(
      'parliamentary democracy',
    );
    expect(legislatureLabel('Congress', ['Senate', 'House of Representatives'])).toBe(
      'Congress (Senate, House of Representatives)',
    );
    expect(legislatureLabel(undefined, ['House of Lords', 'House of Commons'])).toBe(
      'House of Lords, House of Commons',
    );
    expect(
      parseArmedForces(
        'Federal Armed Forces (Bundeswehr): German Army, German Navy, German Air Force (2025) note: responsibility for …',
      ),
    ).toEqual({ forces: 'Federal Armed Forces (Bundeswehr): German Army, German Navy, German Air Force', year: 2025 });
  });
});

test('an armed-forces field that reads as a sentence is prose, and is left out', () => {
  expect(
    parseArmedForces(
      'the interim government authorities in Syria have established a Ministry of Defense and are attempting to unify the armed factions',
    ),
  ).toBeUndefined();
  expect(parseArmedForces('the Haitian Armed Forces (FAdH): Army')).toEqual({
    forces: 'Haitian Armed Forces (FAdH): Army',
  });
});

test('an heir, a bailiff or a high commissioner beside the holder is not a co-holder', () => {
  expect(
    parseOfficeHolders(
      'Queen ELIZABETH II (since 6 February 1952); Heir Apparent Prince CHARLES (son of the queen, born 14 November 1948)',
    ).map((h) => h.name),
  ).toEqual(['Elizabeth II']);
  expect(
    parseOfficeHolders(
      'Chief Minister Lyndon FARNHAM (since 12 January 2024); Bailiff Timothy LE COCQ (since 2019)',
    ).map((h) => h.name),
  ).toEqual(['Lyndon Farnham']);
  expect(
    parseOfficeHolders(
      'Co-prince Emmanuel MACRON (since 14 May 2017); Co-prince Archbishop Joan-Enric VIVES i Sicilia (since 12 May 2003)',
    ).map((h) => h.name),
  ).toEqual(['Emmanuel Macron', 'Joan-Enric Vives']);
});
