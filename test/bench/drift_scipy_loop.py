"""The drift bench's baseline: the same report work as a plain scipy/numpy loop.

Run by test/bench/drift.bench.ts (not by hand):
    python3 drift_scipy_loop.py DIR FEATURES REFERENCE_ROWS WINDOW_ROWS WINDOWS
DIR holds reference.f64 and windows.f64 (row-major float64 features) and reference-pred.u8 /
windows-pred.u8 (class indices). Per window: scipy.stats.ks_2samp (method="auto") and PSI (numpy
quantile edges, searchsorted bins, 1e-4 floor) for every feature, and chi2_contingency on the
prediction counts. Prints JSON {"msPerReport": [...]} on stdout.
"""
import json
import sys
import time

import numpy as np
from scipy.stats import chi2_contingency, ks_2samp


def psi(ref, cur):
    edges = np.unique(np.quantile(ref, np.arange(1, 10) / 10))
    k = len(edges) + 1
    r = np.maximum(np.bincount(np.searchsorted(edges, ref, side="right"), minlength=k) / len(ref), 1e-4)
    c = np.maximum(np.bincount(np.searchsorted(edges, cur, side="right"), minlength=k) / len(cur), 1e-4)
    return float(np.sum((c - r) * np.log(c / r)))


def report(reference, reference_pred, window, window_pred):
    for j in range(reference.shape[1]):
        ks_2samp(reference[:, j], window[:, j], method="auto")
        psi(reference[:, j], window[:, j])
    classes = np.union1d(reference_pred, window_pred)
    table = np.vstack([[np.sum(reference_pred == c) for c in classes], [np.sum(window_pred == c) for c in classes]])
    chi2_contingency(table, correction=False)


def main():
    folder, features, n, m, windows = sys.argv[1], *map(int, sys.argv[2:6])
    reference = np.fromfile(f"{folder}/reference.f64").reshape(n, features)
    all_windows = np.fromfile(f"{folder}/windows.f64").reshape(windows, m, features)
    reference_pred = np.fromfile(f"{folder}/reference-pred.u8", dtype=np.uint8)
    windows_pred = np.fromfile(f"{folder}/windows-pred.u8", dtype=np.uint8).reshape(windows, m)
    times = []
    for w in range(windows):
        start = time.perf_counter()
        report(reference, reference_pred, all_windows[w], windows_pred[w])
        times.append((time.perf_counter() - start) * 1000)
    json.dump({"msPerReport": times}, sys.stdout)


if __name__ == "__main__":
    main()
