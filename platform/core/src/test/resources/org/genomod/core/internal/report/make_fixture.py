"""Builds splice-metrics.json, the report test's fixture, from a real genomod run.

The base is metrics.json of distribution/examples/splice.yaml cut to 4 epochs (genomod run, seed 42).
Added, because no plugin wrote them when the fixture was made:
- details.curves (the shared convention): ROC/PR on fixed 101-point grids with 95 % bootstrap bands
  (200 resamples) and a 10-bin reliability curve, computed one-vs-rest from that run's predictions.tsv;
- interpretation.attribution.logos: three test donors (EI) with the highest EI score, their real
  sequences, scores = one-hot x a synthetic weight peaking at the GT of the donor site (plus noise,
  some negative) — shaped like gradient x input, not computed from the model;
- selection: a synthetic grid search in the shape of platform/core's SelectionReport.toMetrics.
usage: python3 make_fixture.py RUN_DIR SPLICE_DATA > splice-metrics.json
"""
import json, sys
import numpy as np

run, data = sys.argv[1], sys.argv[2]
doc = json.load(open(run + "/metrics.json"))
rows = [l.rstrip("\n").split("\t") for l in open(run + "/predictions.tsv")]
header, rows = rows[0], rows[1:]
outputs = header[2:]
truth = np.array([r[1] for r in rows])
scores = np.array([[float(x) for x in r[2:]] for r in rows])
grid = np.linspace(0, 1, 101)
rng = np.random.default_rng(7)


def roc(y, s):
    order = np.argsort(-s, kind="stable")
    y, s = y[order], s[order]
    distinct = np.r_[np.where(np.diff(s))[0], len(s) - 1]
    tps = np.cumsum(y)[distinct]; fps = (distinct + 1) - tps
    tpr = np.r_[0, tps / max(tps[-1], 1)]; fpr = np.r_[0, fps / max(fps[-1], 1)]
    return np.array([tpr[fpr <= g].max() for g in grid])


def pr(y, s):
    order = np.argsort(-s, kind="stable")
    y, s = y[order], s[order]
    distinct = np.r_[np.where(np.diff(s))[0], len(s) - 1]
    tps = np.cumsum(y)[distinct]; fps = (distinct + 1) - tps
    precision = tps / (tps + fps); recall = tps / max(tps[-1], 1)
    return np.array([precision[recall >= g].max() if (recall >= g).any() else 0.0 for g in grid])


curves = {}
for k, name in enumerate(outputs):
    y, s = (truth == name).astype(float), scores[:, k]
    boots_r, boots_p = [], []
    for _ in range(200):
        i = rng.integers(0, len(y), len(y))
        if 0 < y[i].sum() < len(i):
            boots_r.append(roc(y[i], s[i])); boots_p.append(pr(y[i], s[i]))
    bins = np.minimum((s * 10).astype(int), 9)
    rel = {"mean_score": [], "fraction_positive": [], "count": []}
    for b in range(10):
        m = bins == b
        if m.any():
            rel["mean_score"].append(float(s[m].mean())); rel["fraction_positive"].append(float(y[m].mean()))
            rel["count"].append(int(m.sum()))
    curves[name] = {
        "roc": {"fpr": grid.tolist(), "tpr": roc(y, s).tolist(),
                "tpr_low": np.percentile(boots_r, 2.5, axis=0).tolist(),
                "tpr_high": np.percentile(boots_r, 97.5, axis=0).tolist()},
        "pr": {"recall": grid.tolist(), "precision": pr(y, s).tolist(),
               "precision_low": np.percentile(boots_p, 2.5, axis=0).tolist(),
               "precision_high": np.percentile(boots_p, 97.5, axis=0).tolist()},
        "reliability": rel}
details = doc["test"]["classification"]["details"]
warnings = details.pop("warnings")
details["curves"] = curves
details["warnings"] = warnings

sequences = {}
for line in open(data):
    label, rid, seq = [f.strip() for f in line.split(",")]
    sequences[rid] = seq
ei = outputs.index("EI")
top = [rows[i][0] for i in np.argsort(-scores[:, ei]) if rows[i][1] == "EI"][:3]
weight = np.exp(-0.5 * ((np.arange(60) - 30.5) / 2.0) ** 2) * 1.2 + rng.normal(0, 0.08, 60)
logos = []
for rid in top:
    seq = sequences[rid]
    rows_ = []
    for p, base in enumerate(seq):
        row = [0.0, 0.0, 0.0, 0.0]
        if base in "ACGT":
            row["ACGT".index(base)] = round(float(weight[p] * (1 if p % 7 else -0.6)), 5)
        rows_.append(row)
    logos.append({"id": rid, "alphabet": "ACGT", "scores": rows_})
doc["interpretation"] = {"attribution": {"method": "gradient_x_input", "sequences": 255,
                                         "mean_abs_attribution": 0.0213, "logos": logos}}
doc["selection"] = {"method": "grid", "metric": "loss", "goal": "min", "folds": 0, "trials": [
    {"trial": t + 1, "filters": f, "dropout": d, "loss": v, "status": "done"}
    for t, (f, d, v) in enumerate([(32, 0.25, 0.2113), (64, 0.5, 0.1666), (64, 0.25, 0.1781), (128, 0.5, None)])]}
doc["selection"]["trials"][3]["status"] = "failed: <out of memory> & \"quoted\""
doc["selection"]["best"] = doc["selection"]["trials"][1]
json.dump(doc, sys.stdout, indent=1)
