import { describe, expect, test } from 'vitest';
import { analyzeText } from '../../lib/analyze';
import { miniIndex } from '../helpers/mini-kb';

const index = miniIndex();
function found(text: string): string[] {
  return analyzeText(text, index).map(
    (m) => `${m.surface}:${m.kind}${m.entityId ? `=${m.entityId}` : ''}${m.demonym ? ':demonym' : ''}`,
  );
}

describe('analyzeText', () => {
  test('a demonym refers to its country and is marked as a demonym', () => {
    expect(found('Syrian officials met in Damascus.')).toEqual([
      'Syrian:place=Q858:demonym',
      'Damascus:place=gn:170063',
    ]);
  });

  test('a person named in full makes the bare surname the same person later', () => {
    expect(found('Farid Khalil arrived on Monday. Khalil said talks would go on.')).toEqual([
      'Farid Khalil:person',
      'Khalil:person',
    ]);
  });

  test('a place that is part of a longer unknown name gives way to it', () => {
    expect(found('The club signed David Campese last year.')).toEqual(['David Campese:person']);
  });

  test('a run holding a place name without a given name is an organization named after it', () => {
    expect(found('They cheered for Real London on Sunday.')).toEqual(['Real London:organization']);
  });

  test('a city in a score line is its sports team', () => {
    expect(found('Results: London 3 Damascus 1.')).toEqual(['London:organization', 'Damascus:organization']);
  });

  test('a city in a plain sentence stays a place', () => {
    expect(found('Prices rose in London last year.')).toEqual(['London:place=gn:2643743']);
  });

  test('months and bare given names are not taken for towns', () => {
    expect(found('Talks resumed in March. Paul said he would stay in Nice.')).toEqual(['Nice:place=gn:2990440']);
  });

  test('an unknown acronym in running text is an organization, but not in a capitals headline', () => {
    expect(found('Prices set by the NYMEX exchange rose.')).toEqual(['NYMEX:organization']);
    expect(found('GOLD PRICES RISE ON NYMEX DEMAND')).toEqual([]);
  });

  test('English "at" and "as" are not Arabic articles', () => {
    expect(found('He was at Damascus airport.')).toEqual(['Damascus:place=gn:170063']);
  });

  test('a nationality before a name is not part of the name, and a spaced dash ends a name', () => {
    expect(found('Syrian Farid Haddad scored. Syria - Omar Khalil ( 31st ).')).toEqual([
      'Farid Haddad:person',
      'Syria:place=Q858',
      'Omar Khalil:person',
    ]);
  });

  test('an initial before a surname makes a person, even when a town shares the surname', () => {
    expect(found('C. Reading took four wickets.')).toEqual(['C. Reading:person']);
  });

  test('a city named as a team in a score stays the team elsewhere in the article, but not after "in"', () => {
    expect(found('Results: London 3 Damascus 1. London coach Farid Haddad left. The next final is in London.')).toEqual(
      [
        'London:organization',
        'Damascus:organization',
        'London:organization',
        'Farid Haddad:person',
        'London:place=gn:2643743',
      ],
    );
  });

  test('a company named in full makes its bare first word the company later', () => {
    expect(found('Newmont Mining Corp bid on Monday. Later, Newmont shares rose.')).toEqual([
      'Newmont Mining Corp:organization',
      'Newmont:organization',
    ]);
  });

  test("a surname beats an organization's first word, and a place starting a name keeps its own sense", () => {
    expect(found('Khalil Damascus Group talks. Farid Khalil met. Khalil said. Damascus Group left Damascus.')).toEqual(
      expect.arrayContaining(['Farid Khalil:person', 'Khalil:person', 'Damascus:place=gn:170063']),
    );
  });

  test('a given name before a town or before a known surname makes another person', () => {
    expect(found('The winner was Mark Erbil.')).toEqual(['Mark Erbil:person']);
    expect(found('The race went to Wasim Biden.')).toEqual(['Wasim Biden:person']);
    // A prominent place keeps its sense after an everyday word that is also a given name.
    expect(found('They said Mark Iraq would vote.')).toContain('Iraq:place=Q796');
  });

  test('a title inside a run separates the organization from the person holding it', () => {
    expect(found('Then Hemo Boxing Association President Farid Haddad spoke.')).toEqual([
      'Hemo Boxing Association:organization',
      'Farid Haddad:person',
    ]);
  });

  test('an acronym defined in brackets is the same entity as the name before it, there and later', () => {
    expect(found('Delegates of the Syrian Arab Republic (SAR) met. The SAR later left.')).toEqual([
      'Syrian Arab Republic:place=Q858',
      'SAR:place=Q858',
      'SAR:place=Q858',
    ]);
    // Alone, an unknown acronym would be taken for an organization.
    expect(found('Ships reached the Hemo Islands (THI) on Monday. THI ports reopened.')).toEqual([
      'Hemo Islands:place',
      'THI:place',
      'THI:place',
    ]);
  });
});
