"""The drift CLI bench's baseline: the CLI's statistics on two CSV files with pandas and scipy.

Run by test/bench/drift-cli.bench.ts (not by hand), timed from process start to exit:
    python3 drift_cli_pandas.py REFERENCE.csv CURRENT.csv OUT.json
Reads both files with pandas.read_csv; features are every column except label, prediction and
proba_*. Per feature: scipy.stats.ks_2samp (method="auto") and PSI (numpy quantile edges,
searchsorted bins, 1e-4 floor). For prediction and label (known rows only): chi2_contingency
without correction, the Jensen-Shannon distance (base 2) and PSI over categories. Writes the
numbers as JSON to OUT.json, so the bench can check they agree with the CLI's report.
"""
import json
import sys

import numpy as np
import pandas as pd
from scipy.spatial.distance import jensenshannon
from scipy.stats import chi2_contingency, ks_2samp

FLOOR = 1e-4


def psi(ref, cur):
    edges = np.unique(np.quantile(ref, np.arange(1, 10) / 10))
    k = len(edges) + 1
    r = np.bincount(np.searchsorted(edges, ref, side="right"), minlength=k) / len(ref)
    c = np.bincount(np.searchsorted(edges, cur, side="right"), minlength=k) / len(cur)
    r, c = np.maximum(r, FLOOR), np.maximum(c, FLOOR)
    return float(np.sum((c - r) * np.log(c / r)))


def categorical(ref, cur):
    ref, cur = ref.dropna().astype(str), cur.dropna().astype(str)
    categories = sorted(set(ref) | set(cur))
    counts = np.array([[np.sum(ref == k) for k in categories], [np.sum(cur == k) for k in categories]])
    shares = counts / counts.sum(axis=1, keepdims=True)
    if len(categories) < 2:
        chi2, p, dof = 0.0, 1.0, 0
    else:
        chi2, p, dof, _ = chi2_contingency(counts, correction=False)
    floored = np.maximum(shares, FLOOR)
    return {
        "chiSquare": {"statistic": float(chi2), "dof": int(dof), "pValue": float(p)},
        "jensenShannon": float(jensenshannon(shares[0], shares[1], base=2)),
        "psi": float(np.sum((floored[1] - floored[0]) * np.log(floored[1] / floored[0]))),
    }


def main():
    reference = pd.read_csv(sys.argv[1])
    current = pd.read_csv(sys.argv[2])
    roles = {"label", "prediction"}
    names = [c for c in reference.columns if c not in roles and not c.startswith("proba_")]
    features = {}
    for name in names:
        ref, cur = reference[name].to_numpy(), current[name].to_numpy()
        ks = ks_2samp(ref, cur, method="auto")
        features[name] = {
            "ks": {"statistic": float(ks.statistic), "pValue": float(ks.pvalue)},
            "psi": psi(ref, cur),
        }
    out = {
        "rows": {"reference": len(reference), "current": len(current)},
        "features": features,
        "prediction": categorical(reference["prediction"], current["prediction"]),
        "target": categorical(reference["label"], current["label"]),
    }
    with open(sys.argv[3], "w") as f:
        json.dump(out, f)


if __name__ == "__main__":
    main()
