/**
 * The predictive score (issue #5 §3): logistic regression trained on the organisation's own
 * outcomes (converted against disqualified), on what was known when each lead arrived — never on
 * what happened later (stage, activities, score). It says plainly when the history is too thin or
 * the model no better than chance, instead of showing numbers.
 */

/** What was known of a lead when it arrived, as categorical values ("source=web_form") and flags. */
export type Features = readonly string[];

export interface Example {
  id: string;
  features: Features;
  converted: boolean;
}

export interface Model {
  /** Feature → weight; `bias` separately. */
  weights: Record<string, number>;
  bias: number;
}

export interface Quality {
  status: 'ok' | 'too_little_history' | 'not_useful';
  auc: number | null;
  trainedOn: number;
  heldOut: number;
  positives: number;
  negatives: number;
  /** Predicted against actual by decile of the held-out predictions (lowest first). */
  calibration: { decile: number; predicted: number; actual: number; count: number }[];
}

export const MIN_OUTCOMES = 200;
export const MIN_EACH_CLASS = 30;
/** Below this on held-out leads the model is no better than a coin worth showing. */
export const USEFUL_AUC = 0.6;

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** FNV-1a of a lead id: a stable, unbiased split between training and held-out leads. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function isHeldOut(id: string, share = 0.25): boolean {
  return hash(id) % 1000 < share * 1000;
}

/**
 * Logistic regression by full-batch gradient descent with L2 regularisation; features are 0/1
 * (present or not), so no scaling is needed. Features seen fewer than `minCount` times are dropped.
 */
export function train(
  examples: readonly Example[],
  opts: { iterations?: number; rate?: number; l2?: number; minCount?: number } = {},
): Model {
  const { iterations = 400, rate = 1, l2 = 0.0005, minCount = 5 } = opts;
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of e.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const vocabulary = [...counts].filter(([, n]) => n >= minCount).map(([f]) => f);
  const index = new Map(vocabulary.map((f, i) => [f, i]));
  const rows = examples.map((e) => e.features.flatMap((f) => index.get(f) ?? []));
  const labels = examples.map((e) => (e.converted ? 1 : 0));
  const w = new Float64Array(vocabulary.length);
  let b = 0;
  const n = Math.max(1, examples.length);
  for (let it = 0; it < iterations; it++) {
    const grad = new Float64Array(vocabulary.length);
    let gradB = 0;
    for (let r = 0; r < rows.length; r++) {
      const x = rows[r] as number[];
      let z = b;
      for (const i of x) z += w[i] as number;
      const err = sigmoid(z) - (labels[r] as number);
      gradB += err;
      for (const i of x) grad[i] = (grad[i] as number) + err;
    }
    b -= (rate * gradB) / n;
    for (let i = 0; i < w.length; i++)
      w[i] = (w[i] as number) - rate * ((grad[i] as number) / n + l2 * (w[i] as number));
  }
  return { weights: Object.fromEntries(vocabulary.map((f, i) => [f, w[i] as number])), bias: b };
}

export function probability(model: Model, features: Features): number {
  let z = model.bias;
  for (const f of features) z += model.weights[f] ?? 0;
  return sigmoid(z);
}

/** The features that moved this lead's probability most, each with its weight (log-odds). */
export function topFactors(model: Model, features: Features, n = 3): { feature: string; weight: number }[] {
  return features
    .flatMap((f) =>
      model.weights[f] === undefined ? [] : [{ feature: f, weight: model.weights[f] as number }],
    )
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
    .slice(0, n);
}

/** Area under the ROC curve by ranks (ties share their rank): 0.5 is chance, 1 is perfect. */
export function auc(scores: readonly number[], labels: readonly boolean[]): number {
  const order = scores.map((s, i) => ({ s, y: labels[i] as boolean })).sort((a, b) => a.s - b.s);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && (order[j] as { s: number }).s === (order[i] as { s: number }).s) j++;
    const rank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++)
      if ((order[k] as { y: boolean }).y) {
        rankSum += rank;
        positives++;
      }
    i = j;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return 0.5;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Held-out predictions by decile: the mean predicted probability against the share that converted. */
export function calibration(scores: readonly number[], labels: readonly boolean[]): Quality['calibration'] {
  const order = scores.map((s, i) => ({ s, y: labels[i] as boolean })).sort((a, b) => a.s - b.s);
  const out: Quality['calibration'] = [];
  for (let d = 0; d < 10; d++) {
    const part = order.slice(Math.floor((d * order.length) / 10), Math.floor(((d + 1) * order.length) / 10));
    if (part.length === 0) continue;
    out.push({
      decile: d + 1,
      predicted: part.reduce((s, p) => s + p.s, 0) / part.length,
      actual: part.filter((p) => p.y).length / part.length,
      count: part.length,
    });
  }
  return out;
}

/**
 * Trains on three quarters of the history and measures on the rest (split by lead id, so the same
 * history always splits the same way); then, when useful, trains on everything.
 */
export function fitAndEvaluate(examples: readonly Example[]): { model: Model | null; quality: Quality } {
  const positives = examples.filter((e) => e.converted).length;
  const negatives = examples.length - positives;
  const base = { trainedOn: 0, heldOut: 0, positives, negatives, calibration: [] as Quality['calibration'] };
  if (examples.length < MIN_OUTCOMES || positives < MIN_EACH_CLASS || negatives < MIN_EACH_CLASS)
    return { model: null, quality: { status: 'too_little_history', auc: null, ...base } };
  const held = examples.filter((e) => isHeldOut(e.id));
  const rest = examples.filter((e) => !isHeldOut(e.id));
  const model = train(rest);
  const scores = held.map((e) => probability(model, e.features));
  const labels = held.map((e) => e.converted);
  const value = auc(scores, labels);
  const quality: Quality = {
    status: value >= USEFUL_AUC ? 'ok' : 'not_useful',
    auc: value,
    ...base,
    trainedOn: rest.length,
    heldOut: held.length,
    calibration: calibration(scores, labels),
  };
  return { model: quality.status === 'ok' ? train(examples) : null, quality };
}

const SENIOR = /direkt|vadov|head|chief|ceo|cfo|cto|coo|owner|savinink|founder|įkūrėj|partner/iu;

/** What was known of a lead when it arrived, as features: its channel, source and who it was. */
export function featuresOf(lead: {
  sourceKey: string | null;
  emailKind: 'free' | 'company' | 'none';
  jobTitle: string | null;
  organisationSize: string | null;
  industry: string | null;
  country: string | null;
  hasPhone: boolean;
  temperatureAtCreation: string | null;
}): string[] {
  const title = lead.jobTitle?.trim() ? (SENIOR.test(lead.jobTitle) ? 'senior' : 'other') : 'none';
  return [
    `source=${lead.sourceKey ?? 'none'}`,
    `email=${lead.emailKind}`,
    `title=${title}`,
    `size=${lead.organisationSize ?? 'none'}`,
    `industry=${lead.industry?.trim().toLowerCase() || 'none'}`,
    `country=${lead.country?.trim().toUpperCase() || 'none'}`,
    `phone=${lead.hasPhone ? 'yes' : 'no'}`,
    `temperature=${lead.temperatureAtCreation ?? 'none'}`,
  ];
}
