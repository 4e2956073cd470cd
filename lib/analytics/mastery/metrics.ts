/** How well predicted probabilities of a correct response match what happened. */

function checkLengths(labels: readonly boolean[], scores: ArrayLike<number>): void {
  if (labels.length !== scores.length) throw new RangeError(`${labels.length} labels but ${scores.length} scores`);
  if (labels.length === 0) throw new RangeError("no predictions to score");
}

/**
 * Area under the ROC curve, exactly: the Mann–Whitney statistic from the ranks of the scores, tied
 * scores sharing their average rank (so a tie between a positive and a negative counts one half).
 * Undefined — a RangeError — without at least one positive and one negative.
 */
export function auc(labels: readonly boolean[], scores: ArrayLike<number>): number {
  checkLengths(labels, scores);
  const order = Array.from({ length: labels.length }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let positives = 0;
  let positiveRankSum = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && scores[order[j + 1]!] === scores[order[i]!]) j++;
    // Ranks are 1-based; the tied block i..j shares the mean of ranks i+1..j+1.
    const rank = (i + j + 2) / 2;
    for (let k = i; k <= j; k++) {
      if (labels[order[k]!]) {
        positives++;
        positiveRankSum += rank;
      }
    }
    i = j + 1;
  }
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) throw new RangeError("AUC needs both correct and incorrect responses");
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Root mean squared error of the scores against the 0/1 labels. */
export function rmse(labels: readonly boolean[], scores: ArrayLike<number>): number {
  checkLengths(labels, scores);
  let sum = 0;
  for (let i = 0; i < labels.length; i++) {
    const e = (labels[i] ? 1 : 0) - scores[i]!;
    sum += e * e;
  }
  return Math.sqrt(sum / labels.length);
}
