import { describe, expect, it } from 'vitest';
import { chromeReason, isProse, isTitleLike, looksLikeAuthors } from './line-kinds.ts';

describe('line kinds', () => {
  it('recognises chrome by shape: dates, counts, bylines, buttons', () => {
    expect(chromeReason('Jul 14')).toBe('date');
    expect(chromeReason('Published on Dec 22, 2022')).toBe('date');
    expect(chromeReason('3 days ago')).toBe('date');
    expect(chromeReason('1.2k')).toBe('count');
    expect(chromeReason('· 12 authors')).toBe('count');
    expect(chromeReason('Submitted by akhaliq')).toBe('byline');
    expect(chromeReason('byAK and the research community')).toBe('byline');
    expect(chromeReason('Upvote')).toBe('page chrome');
    expect(chromeReason('Models citing this paper 3')).toBe('page chrome');
  });

  it('leaves titles that merely start like chrome alone', () => {
    for (const title of ['Byzantine-Robust Federated Learning at Scale', 'Newton Methods for Deep Networks', 'Next-Token Prediction Is All You Need?', 'Models of Language: A Survey']) {
      expect(chromeReason(title)).toBeNull();
      expect(isTitleLike(title)).toBe(true);
    }
  });

  it('tells titles from abstracts', () => {
    expect(isTitleLike('OMEGA: Can LLMs Reason Outside the Box in Math? Evaluating Exploratory, Compositional, and Transformative Generalization')).toBe(true);
    expect(isTitleLike('This sentence ends with a period.')).toBe(false);
    expect(isProse('We study scaling. Loss follows a power law in model size, data and compute, over seven orders of magnitude.')).toBe(true);
    expect(isProse('Scaling Laws for Neural Language Models')).toBe(false);
  });

  it('recognises author lists', () => {
    expect(looksLikeAuthors('Albert Gu, Tri Dao')).toBe(true);
    expect(looksLikeAuthors('Authors: A. Vaswani')).toBe(true);
    expect(looksLikeAuthors('Juan M. Maldacena', 1)).toBe(true);
    expect(looksLikeAuthors('Train longer, generalize better: closing the generalization gap')).toBe(false);
    expect(looksLikeAuthors('Show, Don\'t Tell')).toBe(false);
  });
});
