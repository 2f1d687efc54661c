# Reference values for NetworkEvaluatorTest (the tests never run this script; they record its output).
# Run from the repository root: /usr/bin/python3 plugins/eval-network/src/test/python/sklearn_reference.py
# (Debian bookworm python3-sklearn: scikit-learn 1.2.1, numpy 1.24.2)
#
# The prediction is built from the DREAM5 gold standard by the rule the Java test uses (ConstructedPrediction):
# gold row i (0-based, file order) with label y is predicted unless i % 3 == 0, with score
# ((i * 7919) % 1000) / 1000 + 0.25 * y; then 500 edges G9999 -> G<k> absent from the gold standard, score
# (k % 100) / 100. The evaluation universe is the gold standard: predicted gold edges keep their score,
# unpredicted ones get a score below all others (ranked last, tied). With top=N only the N highest-scoring
# prediction rows count (stable: ties keep file order). Undirected: a pair is positive when either direction
# is, and scores the higher of its two directions.
import gzip
import numpy as np
from sklearn.metrics import roc_auc_score, average_precision_score, precision_recall_curve, auc

def gold_rows(path):
    with gzip.open(path, "rt") as f:
        return [(a, b, int(y)) for a, b, y in (line.rstrip("\n").split("\t") for line in f if line.strip())]

def prediction(gold):
    rows = [(a, b, ((i * 7919) % 1000) / 1000 + 0.25 * y) for i, (a, b, y) in enumerate(gold) if i % 3 != 0]
    return rows + [("G9999", "G%d" % k, (k % 100) / 100) for k in range(500)]

def evaluate(gold, pred, directed=True, top=None):
    key = (lambda a, b: (a, b)) if directed else (lambda a, b: tuple(sorted((a, b))))
    order = sorted(range(len(pred)), key=lambda j: -pred[j][2])  # Python's sort is stable
    if top is not None:
        order = order[:top]
    scores = {}
    for j in order:
        a, b, s = pred[j]
        k = key(a, b)
        scores[k] = max(scores.get(k, -np.inf), s)
    labels = {}
    for a, b, y in gold:
        k = key(a, b)
        labels[k] = max(labels.get(k, 0), y)
    y_true = np.array([labels[k] for k in labels])
    y_score = np.array([scores.get(k, -1.0) for k in labels])  # every real score is >= 0
    p, r, _ = precision_recall_curve(y_true, y_score)
    return roc_auc_score(y_true, y_score), average_precision_score(y_true, y_score), auc(r, p), int(y_true.sum()), len(y_true)

for net in ("Network3", "Network4"):
    gold = gold_rows("../shared/data/dream5-grn-goldstandards/DREAM5_NetworkInference_GoldStandard_%s.tsv.gz" % net)
    pred = prediction(gold)
    for directed, top in ((True, None), (True, 20000), (False, None)):
        auroc, ap, trapz, pos, n = evaluate(gold, pred, directed, top)
        print(f"{net} directed={directed} top={top}: auroc={auroc!r} auprc={ap!r} aupr_trapezoid={trapz!r} positives={pos} universe={n}")
