import { describe, expect, it } from 'vitest';
import {
  auc,
  calibration,
  type Example,
  featuresOf,
  fitAndEvaluate,
  isHeldOut,
  probability,
  topFactors,
} from './predictive.js';

/** A deterministic pseudo-random stream (mulberry32), so the generated history is the same every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A history where conversion depends on known features: web forms, company e-mails and senior titles convert. */
function history(n: number, seed: number, labels: 'features' | 'random'): Example[] {
  const r = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;
  return Array.from({ length: n }, (_, i) => {
    const source = pick(['web_form', 'import', 'referral', 'trade_show']);
    const email = pick(['free', 'company'] as const);
    const jobTitle = pick(['Direktorius', 'Vadybininkė', null]);
    const features = featuresOf({
      sourceKey: source,
      emailKind: email,
      jobTitle,
      organisationSize: pick(['1-9', '10-49', '50-249']),
      industry: pick(['IT', 'Statyba']),
      country: 'LT',
      hasPhone: r() < 0.5,
      temperatureAtCreation: pick(['hot', 'warm', 'cold']),
    });
    const z =
      -3 +
      (source === 'web_form' ? 2.5 : 0) +
      (source === 'referral' ? 1.5 : 0) +
      (email === 'company' ? 2 : 0) +
      (jobTitle === 'Direktorius' ? 2 : 0);
    const converted = labels === 'random' ? r() < 0.3 : r() < 1 / (1 + Math.exp(-z));
    return { id: `lead-${seed}-${i}`, features, converted };
  });
}

describe('predictive score', () => {
  it('learns a history where conversion depends on known features: AUC ≥ 0.80 on held-out leads', () => {
    const { model, quality } = fitAndEvaluate(history(3000, 7, 'features'));
    expect(quality.status).toBe('ok');
    expect(quality.auc).toBeGreaterThanOrEqual(0.8);
    expect(quality.heldOut).toBeGreaterThan(500);
    expect(quality.calibration).toHaveLength(10);
    // calibrated: predicted and actual rates agree within 0.1 in every decile
    for (const d of quality.calibration) expect(Math.abs(d.predicted - d.actual)).toBeLessThan(0.12);
    const senior = featuresOf({
      sourceKey: 'web_form',
      emailKind: 'company',
      jobTitle: 'Generalinis direktorius',
      organisationSize: null,
      industry: null,
      country: 'LT',
      hasPhone: true,
      temperatureAtCreation: 'hot',
    });
    const weak = featuresOf({
      sourceKey: 'import',
      emailKind: 'free',
      jobTitle: null,
      organisationSize: null,
      industry: null,
      country: 'LT',
      hasPhone: false,
      temperatureAtCreation: 'cold',
    });
    expect(probability(model!, senior)).toBeGreaterThan(probability(model!, weak) + 0.4);
    expect(topFactors(model!, senior).map((f) => f.feature)).toContain('source=web_form');
  });

  it('on random labels stays at chance (AUC 0.45–0.55) and says the model is not useful', () => {
    const { model, quality } = fitAndEvaluate(history(3000, 11, 'random'));
    expect(quality.auc).toBeGreaterThanOrEqual(0.45);
    expect(quality.auc).toBeLessThanOrEqual(0.55);
    expect(quality.status).toBe('not_useful');
    expect(model).toBeNull();
  });

  it('says when there is too little history rather than showing numbers', () => {
    expect(fitAndEvaluate(history(150, 3, 'features')).quality).toMatchObject({
      status: 'too_little_history',
      auc: null,
    });
    const oneSided = history(500, 5, 'features').map((e) => ({ ...e, converted: false }));
    expect(fitAndEvaluate(oneSided).quality.status).toBe('too_little_history');
  });

  it('measures AUC by ranks and calibration by decile', () => {
    expect(auc([0.1, 0.4, 0.35, 0.8], [false, false, true, true])).toBeCloseTo(0.75);
    expect(auc([0.5, 0.5], [true, false])).toBe(0.5);
    expect(calibration([0.1, 0.9], [false, true]).map((c) => c.actual)).toEqual([0, 1]);
    const held = Array.from({ length: 10_000 }, (_, i) => isHeldOut(`id-${i}`)).filter(Boolean).length;
    expect(held).toBeGreaterThan(2300);
    expect(held).toBeLessThan(2700);
  });
});
