/** P14's figures without I/O: the reach against the population where configured, medians and means per committee. */
import { emptyState, fold } from '../../shared/aggregation/state';
import { dialogueFigures } from '../../shared/evaluation/figures';
import { yearEvaluation } from '../../shared/evaluation/year';
import { ljungby } from '../../shared/municipality';
import { NOW, demo } from './fixtures';

const dialogue = demo({ status: 'closed', closedAt: NOW.toISOString() });
const respond = (profile: object, method?: 'paper') => ({
  receivedAt: NOW.toISOString(),
  answers: { favourite: 'alla' },
  profile,
  ...(method ? { method } : {}),
});
const state = fold(
  emptyState(),
  [
    respond({ ageBand: '30-44', locality: 'Lagan' }),
    respond({ ageBand: '65-79', locality: 'Lagan' }),
    respond({ locality: 'Ljungby' }),
    respond({}, 'paper'),
  ],
  dialogue,
);
const population = { total: 28_000, ageBands: { '30-44': 5_600 }, localities: { Lagan: 1_400 } };

describe('dialogueFigures', () => {
  it('sets each group against the population where its figure is configured, and leaves it out where not', () => {
    const { reach, participation } = dialogueFigures({ dialogue, state, ratings: [] }, { population }, NOW);
    expect(participation).toEqual({ total: 4, byMethod: { web: 3, paper: 1, meeting: 0 } });
    expect(reach.noProfile).toBe(1);
    expect(reach.groups).toEqual([
      { group: 'ageBand:30-44', respondents: 1, sharePercent: 25, population: 5_600, populationSharePercent: 20 },
      { group: 'ageBand:65-79', respondents: 1, sharePercent: 25 },
      { group: 'locality:Lagan', respondents: 2, sharePercent: 50, population: 1_400, populationSharePercent: 5 },
      { group: 'locality:Ljungby', respondents: 1, sharePercent: 25 },
    ]);
    const without = dialogueFigures({ dialogue, state, ratings: [] }, {}, NOW);
    expect(without.reach.groups.every((g) => g.population === undefined)).toBe(true);
  });

  it('has no mean rating and no days to the decision before there are any', () => {
    const figures = dialogueFigures({ dialogue, state: emptyState(), ratings: [] }, {}, NOW);
    expect(figures.rating).toEqual({
      count: 0,
      mean: null,
      distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 },
      comments: [],
    });
    expect(figures.days).toEqual({});
    expect(figures.reach.insideSharePercent).toBeNull();
  });
});

describe('yearEvaluation', () => {
  it('takes the median of an even count as the mean of the middle two, and the mean of every rating, not of the means', () => {
    const base = dialogueFigures({ dialogue, state, ratings: [] }, {}, NOW);
    const at = (total: number, scores: number[]) => ({
      ...base,
      participation: { ...base.participation, total },
      rating: dialogueFigures({ dialogue, state, ratings: scores.map((score) => ({ score })) }, {}, NOW).rating,
    });
    const year = yearEvaluation(2026, [at(10, [5]), at(2, [1, 1, 1]), at(7, []), at(100, [])], ljungby);
    expect(year.total.medianParticipation).toBe(8.5);
    expect(year.total.rating).toEqual({ count: 4, mean: 2 });
    expect(year.committees.map((c) => c.committee.id)).toEqual(['tekniska-namnden']);
  });
});
