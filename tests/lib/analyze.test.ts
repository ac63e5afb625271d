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
});
