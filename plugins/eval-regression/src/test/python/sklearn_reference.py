# Reference values for the Java tests in src/test/java (the tests never run this script; they record its output).
# Run: /usr/bin/python3 sklearn_reference.py   (Debian bookworm: apt-get install python3-sklearn python3-scipy;
# scikit-learn 1.2.1, scipy 1.10.1, numpy 1.24.2)
# Values go through float32 first because Predictions carries floats: the Java side sees exactly these values.
# NaN in a label marks an entry that is not scored; each target keeps its own labelled entries (per-target
# figures and their macro mean) and micro figures pool every labelled entry of every target.
import warnings
import numpy as np
warnings.filterwarnings("ignore", category=RuntimeWarning)  # sklearn's divide-by-zero on purpose below
from scipy.stats import pearsonr, spearmanr, rankdata
from sklearn.metrics import mean_squared_error, mean_absolute_error, r2_score
nan = float('nan')
f32 = lambda v: np.asarray(v, dtype=np.float32).astype(np.float64)
def show(name, v): print(f"{name} = {float(v)!r}")

def agreement(y, p):
    """mse, rmse, mae, pearson, spearman, r2 of one labelled vector; nan where scipy/sklearn give nan."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        mse = mean_squared_error(y, p)
        rmse = mean_squared_error(y, p, squared=False)
        mae = mean_absolute_error(y, p)
        r = pearsonr(y, p)[0] if len(y) >= 2 else nan
        rho = spearmanr(y, p)[0] if len(y) >= 2 else nan
        # genomod leaves r2 undefined (nan here) when the labels are constant; sklearn's r2_score says 1.0 or 0.0
        # there (force_finite=True, its default) or nan / -inf (force_finite=False): printed for that case below
        r2 = r2_score(y, p) if len(y) >= 2 and not np.all(y == y[0]) else nan
    return [mse, rmse, mae, r, rho, r2]

NAMES = ["mse", "rmse", "mae", "pearson", "spearman", "r2"]
def report(title, Y, P):
    print("##", title)
    Y, P = np.atleast_2d(Y.T).T, np.atleast_2d(P.T).T
    per = []
    for j in range(Y.shape[1]):
        m = ~np.isnan(Y[:, j])
        a = agreement(Y[m, j], P[m, j]) if m.sum() else [nan] * 6
        per.append(a)
        print(f"target {j}: scored = {int(m.sum())}; " + "; ".join(f"{n} = {float(v)!r}" for n, v in zip(NAMES, a)))
    per = np.array(per)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        print("macro (mean over the targets where defined): " + "; ".join(f"{n} = {float(v)!r}" for n, v in zip(NAMES, np.nanmean(per, axis=0))))
    m = ~np.isnan(Y)
    print(f"micro (pooled): scored = {int(m.sum())}; " + "; ".join(f"{n} = {float(v)!r}" for n, v in zip(NAMES, agreement(Y[m], P[m]))))

# one target: ties in both vectors, negative values, non-dyadic values
y1 = f32([2.5, -0.5, 2.0, 7.0, 4.25, 2.0, -1.75, 3.1, 2.0, 0.0, 5.5, 3.1])
p1 = f32([3.0, -0.3, 2.0, 8.2, 4.0, 1.5, -1.0, 3.0, 2.6, 0.1, 5.0, 3.0])
report("single target", y1, p1)
print("sklearn's own multioutput call on the full vector:", r2_score(y1, p1), mean_squared_error(y1, p1))

# three targets, NaN labels scattered (targets keep 8, 10 and 7 of 10 entries)
Y3 = f32([[1.2, 10.0, nan], [0.4, 12.5, -3.0], [nan, 9.0, -2.5], [2.2, 11.0, -1.0], [1.9, 13.5, nan],
          [0.1, 10.5, -2.0], [nan, 8.0, -0.5], [3.0, 14.0, nan], [1.1, 11.5, -1.5], [2.6, 12.0, -2.75]])
P3 = f32([[1.0, 10.5, 0.3], [0.7, 12.0, -2.5], [1.5, 9.5, -2.0], [2.0, 10.0, -1.5], [1.5, 13.0, 0.0],
          [0.5, 11.0, -2.5], [1.2, 8.5, -1.0], [2.5, 13.0, 0.2], [1.2, 11.0, -1.0], [2.2, 12.5, -2.0]])
report("three targets with NaN labels", Y3, P3)
m = ~np.isnan(Y3)
print("check: macro mse by hand", np.mean([mean_squared_error(Y3[m[:, j], j], P3[m[:, j], j]) for j in range(3)]))

# five targets: 'a' misses 2 labels, 'b' is full, 'c' has 2 labelled entries, 'd' one, 'e' none
Y5 = f32([[0.5, 1.0, nan, nan, nan], [nan, 2.0, 3.0, nan, nan], [1.5, 3.0, nan, 4.0, nan],
          [2.5, 4.0, nan, nan, nan], [nan, 5.0, 1.0, nan, nan], [3.5, 6.0, nan, nan, nan]])
P5 = f32([[0.7, 1.5, 9.0, 9.0, 9.0], [9.0, 1.5, 2.0, 9.0, 9.0], [1.0, 3.5, 9.0, 3.0, 9.0],
          [2.0, 3.5, 9.0, 9.0, 9.0], [9.0, 5.5, 2.5, 9.0, 9.0], [4.0, 6.5, 9.0, 9.0, 9.0]])
report("five targets, sparse labels", Y5, P5)

# constant vectors: 'flat' has equal labels, 'steady' equal predictions, 'ok' neither
YC = f32([[1.5, 0.2, 1.0], [1.5, 0.4, 2.0], [1.5, 0.9, 2.5], [1.5, 0.3, 4.0], [1.5, 0.7, 5.0]])
PC = f32([[1.0, 0.5, 1.5], [2.0, 0.5, 2.0], [1.5, 0.5, 3.0], [1.25, 0.5, 3.5], [1.75, 0.5, 4.5]])
report("constant labels / constant predictions", YC, PC)
print("sklearn r2_score on the constant-label target: force_finite=True ->", r2_score(YC[:, 0], PC[:, 0]),
      "; force_finite=False ->", r2_score(YC[:, 0], PC[:, 0], force_finite=False),
      "; perfect predictions ->", r2_score(YC[:, 0], YC[:, 0]))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print("pearsonr on the constant-prediction target ->", pearsonr(YC[:, 1], PC[:, 1])[0],
          "; spearmanr ->", spearmanr(YC[:, 1], PC[:, 1])[0], "; warnings:", sorted({x.category.__name__ for x in w}))
print("sklearn r2_score(YC, PC) (uniform_average, force_finite) ->", r2_score(YC, PC))

# numerical stability: values near 1e5 whose spread is a few float32 ulps (0.0078125)
k = np.arange(40)
yo = f32(100000.0 + 0.0078125 * ((k * 7) % 13))
po = f32(100000.0 + 0.0078125 * ((k * 7) % 13 + (k % 3) - 1))
report("large offset", yo, po)
sx, sy, sxy, sxx, syy, n = yo.sum(), po.sum(), (yo * po).sum(), (yo * yo).sum(), (po * po).sum(), len(yo)
print("one-pass textbook pearson in float64 for comparison:",
      (n * sxy - sx * sy) / np.sqrt((n * sxx - sx ** 2) * (n * syy - sy ** 2)))

# many ties: 1000 entries, 101 distinct labels, 17 distinct predictions
i = np.arange(1000)
yt = f32(((i * 37) % 101) / 10.0)
pt = f32(((i * 37) % 101) // 6 + ((i * 13) % 7) / 4.0)
report("rank stress", yt, pt)

print("## average ranks")
print(rankdata([3.0, 1.0, 3.0, 2.0, 3.0]).tolist(), rankdata([0.0, -0.0, 1.0, -1.0]).tolist())
