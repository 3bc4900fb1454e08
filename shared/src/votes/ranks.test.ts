import { expect, it } from 'vitest';
import { competitionRanks } from './ranks';

it('gives equal items one rank and skips the places they take (1, 1, 3)', () => {
  expect(competitionRanks([9, 9, 7, 5, 5, 5, 1], (a, b) => a === b)).toEqual([1, 1, 3, 4, 4, 4, 7]);
  expect(competitionRanks([], () => true)).toEqual([]);
});
