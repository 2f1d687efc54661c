# Reference values for the Java tests in src/test/java (the tests never run this script; they record its output).
# Run: /usr/bin/python3 sklearn_reference.py   (Debian bookworm: apt-get install python3-sklearn; scikit-learn 1.2.1, numpy 1.24.2)
# Scores go through float32 first because Predictions carries float scores: the Java side sees exactly these values.
import numpy as np
from sklearn.metrics import (roc_auc_score, average_precision_score, accuracy_score,
    balanced_accuracy_score, f1_score, log_loss, precision_score, recall_score, confusion_matrix,
    multilabel_confusion_matrix, brier_score_loss)
from sklearn.calibration import calibration_curve
f32 = lambda v: np.asarray(v, dtype=np.float32).astype(np.float64)
def show(name, v): print(f"{name} = {float(v)!r}")
def showlist(name, v): print(f"{name} = {[float(x) for x in v]!r}")
def reliability(name, y, p):
    """calibration_curve(strategy='uniform', n_bins=10) plus the bin counts and the ECE genomod reads off it."""
    frac, mean = calibration_curve(y, p, n_bins=10, strategy='uniform')
    counts = np.bincount(np.searchsorted(np.linspace(0.0, 1.0, 11)[1:-1], p), minlength=10)
    counts = counts[counts > 0]
    showlist(name + "_mean_score", mean); showlist(name + "_fraction_positive", frac); print(name + "_count =", counts.tolist())
    show(name + "_ece", np.sum(counts / counts.sum() * np.abs(mean - frac)))

print("## binary with ties, imbalance, threshold tie, 0 and 1 scores")
y = np.array([0,0,1,0,1,1,0,0,0,1,0,0,1,0])
p = f32([0.1,0.4,0.35,0.8,0.8,0.9,0.4,0.2,0.65,0.5,0.0,0.8,1.0,0.35])
pred = (p >= 0.5).astype(int)
show("accuracy", accuracy_score(y, pred)); show("balanced", balanced_accuracy_score(y, pred))
show("auroc", roc_auc_score(y, p)); show("auprc", average_precision_score(y, p))
show("auprc_neg", average_precision_score(1-y, -p))
show("macro_f1", f1_score(y, pred, average='macro')); show("log_loss", log_loss(y, p, eps=1e-15))
print(confusion_matrix(y, pred).tolist(), precision_score(y,pred,average=None).tolist(), recall_score(y,pred,average=None).tolist(), f1_score(y,pred,average=None).tolist())
show("brier", brier_score_loss(y, p)); reliability("binary", y, p)
pred = (p >= 0.8).astype(int)
print("threshold 0.8"); show("accuracy", accuracy_score(y, pred)); show("balanced", balanced_accuracy_score(y, pred)); show("macro_f1", f1_score(y, pred, average='macro'))

print("## binary, one class only")
y1 = np.array([0,0,0,0]); p1 = f32([0.2,0.7,0.1,0.4])
pred = (p1 >= 0.5).astype(int)
show("accuracy", accuracy_score(y1, pred)); show("balanced", balanced_accuracy_score(y1, pred))
show("macro_f1", f1_score(y1, pred, average='macro')); show("log_loss", log_loss(y1, p1, eps=1e-15, labels=[0,1]))
show("brier", brier_score_loss(y1, p1))

print("## rank stress: n=1000, 101 distinct scores")
i = np.arange(1000)
ps = f32(((i * 37) % 101) / 100.0); ys = ((i * 13) % 7) < 3
show("auroc", roc_auc_score(ys, ps)); show("auprc", average_precision_score(ys, ps))

print("## multiclass, 3 classes")
Y = np.array([0,1,2,2,1,0,2,1,0,2])
P = f32([[0.7,0.2,0.1],[0.3,0.4,0.3],[0.2,0.2,0.6],[0.1,0.5,0.4],[0.25,0.5,0.25],
         [0.4,0.4,0.2],[0.3,0.3,0.4],[0.6,0.3,0.1],[0.5,0.25,0.25],[0.0,0.0,1.0]])
pred = P.argmax(axis=1)
print("pred", pred.tolist())
show("accuracy", accuracy_score(Y, pred)); show("balanced", balanced_accuracy_score(Y, pred))
show("auroc", roc_auc_score(Y, P, multi_class='ovr', average='macro'))
show("auprc", average_precision_score(np.eye(3)[Y], P, average='macro'))
show("macro_f1", f1_score(Y, pred, average='macro')); show("log_loss", log_loss(Y, P, eps=1e-15))
for c in range(3): show(f"auroc_{c}", roc_auc_score(Y == c, P[:, c])); show(f"auprc_{c}", average_precision_score(Y == c, P[:, c]))
# scikit-learn >= 1.7 brier_score_loss(Y, P) on multi-class input (not halved); 1.2.1 has only the binary one
show("brier", np.mean(np.sum((P - np.eye(3)[Y]) ** 2, axis=1)))
for c in range(3): show(f"brier_{c}", brier_score_loss(Y == c, P[:, c])); reliability(f"class_{c}", (Y == c).astype(int), P[:, c])
print(confusion_matrix(Y, pred).tolist(), precision_score(Y,pred,average=None).tolist(), recall_score(Y,pred,average=None).tolist(), f1_score(Y,pred,average=None).tolist())

print("## multiclass, 4 classes, class 3 absent from labels and predictions, class 2 absent from labels only")
Y4 = np.array([0,1,1,0,1,0])
P4 = f32([[0.5,0.3,0.1,0.1],[0.2,0.6,0.1,0.1],[0.2,0.3,0.4,0.1],[0.3,0.3,0.3,0.1],[0.1,0.8,0.05,0.05],[0.6,0.1,0.2,0.1]])
pred = P4.argmax(axis=1); print("pred", pred.tolist())
show("accuracy", accuracy_score(Y4, pred)); show("balanced", balanced_accuracy_score(Y4, pred))
show("auroc", np.mean([roc_auc_score(Y4 == c, P4[:, c]) for c in (0, 1)]))
show("auprc", np.mean([average_precision_score(Y4 == c, P4[:, c]) for c in (0, 1)]))
show("macro_f1", f1_score(Y4, pred, average='macro')); show("log_loss", log_loss(Y4, P4, eps=1e-15, labels=[0,1,2,3]))

print("## multilabel, 3 labels")
YL = np.array([[1,0,1],[0,0,1],[1,1,0],[0,1,1],[1,0,0],[0,0,1],[1,1,1],[0,0,0]])
PL = f32([[0.9,0.2,0.6],[0.3,0.1,0.7],[0.6,0.8,0.4],[0.5,0.3,0.9],[0.4,0.5,0.2],[0.2,0.2,0.5],[0.7,0.6,0.3],[0.1,0.4,0.6]])
pred = (PL >= 0.5).astype(int)
show("accuracy", np.mean([accuracy_score(YL[:, j], pred[:, j]) for j in range(3)]))
show("balanced", np.mean([balanced_accuracy_score(YL[:, j], pred[:, j]) for j in range(3)]))
show("auroc", roc_auc_score(YL, PL, average='macro')); show("auprc", average_precision_score(YL, PL, average='macro'))
show("macro_f1", f1_score(YL, pred, average='macro'))
show("log_loss", log_loss(YL.ravel(), PL.ravel(), eps=1e-15))
show("micro_auroc", roc_auc_score(YL, PL, average='micro'))
show("subset_accuracy", accuracy_score(YL, pred))
show("micro_auprc", average_precision_score(YL, PL, average='micro')); show("micro_f1", f1_score(YL, pred, average='micro'))
show("brier", np.mean((PL - YL) ** 2))  # = mean of the labels' brier_score_loss
for j in range(3): show(f"auroc_{j}", roc_auc_score(YL[:, j], PL[:, j])); show(f"auprc_{j}", average_precision_score(YL[:, j], PL[:, j]))
for j in range(3): show(f"brier_{j}", brier_score_loss(YL[:, j], PL[:, j])); reliability(f"label_{j}", YL[:, j], PL[:, j])
print(multilabel_confusion_matrix(YL, pred).tolist(), f1_score(YL,pred,average=None).tolist())

print("## multilabel, a label with no positives and none predicted, one always positive")
YM = np.array([[1,0,1],[0,0,1],[1,0,1],[0,0,1]])
PM = f32([[0.8,0.1,0.9],[0.6,0.2,0.4],[0.3,0.3,0.7],[0.2,0.0,0.95]])
pred = (PM >= 0.5).astype(int)
show("accuracy", np.mean([accuracy_score(YM[:, j], pred[:, j]) for j in range(3)]))
show("balanced", np.mean([balanced_accuracy_score(YM[:, j], pred[:, j]) for j in range(3)]))
show("auroc", roc_auc_score(YM[:, 0], PM[:, 0])); show("auprc", average_precision_score(YM[:, 0], PM[:, 0]))
show("macro_f1", f1_score(YM[:, [0, 2]], pred[:, [0, 2]], average='macro'))
show("log_loss", log_loss(YM.ravel(), PM.ravel(), eps=1e-15))
show("micro_auroc", roc_auc_score(YM.ravel(), PM.ravel()))
show("micro_auprc", average_precision_score(YM.ravel(), PM.ravel())); show("micro_f1", f1_score(YM, pred, average='micro'))
show("brier", np.mean((PM - YM) ** 2))
print(multilabel_confusion_matrix(YM, pred).tolist())

print("## reliability bins: scores on and next to the bin edges (float32 0.1 lies above the double 0.1)")
yb = np.array([0,1,0,1,1,0,1,0,1,1,0,1])
pb = f32([0.0,0.1,0.1,0.3,0.5,0.5,0.7,0.8,0.95,1.0,0.35,0.45])
show("brier", brier_score_loss(yb, pb)); reliability("edges", yb, pb)

print("## clipping of certain mistakes")
show("positive_scored_0", log_loss([1], [0.0], eps=1e-15, labels=[0, 1]))
show("negative_scored_1", log_loss([0], [1.0], eps=1e-15, labels=[0, 1]))
