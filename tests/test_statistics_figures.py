"""The ten figures of mt_stats: the fast exact percentiles agree with numpy.percentile."""

from __future__ import annotations

import numpy as np
import pytest
from load_by_extent.core.local.mt_stats import FIGURES, figures, percentiles

FRACTIONS = [0.5, 0.25, 0.75, 0.1, 0.9, 0.0, 1.0, 0.333]


@pytest.mark.parametrize("size", [1, 2, 3, 7, 100, 4097, 250_000])
@pytest.mark.parametrize("kind", ["normal", "integers", "constant", "two values", "outliers"])
def test_percentiles_are_numpy_linear_percentiles(size, kind):
    rng = np.random.default_rng(size)
    values = {
        "normal": rng.normal(0.4, 0.2, size),
        "integers": rng.integers(0, 50, size).astype(float),  # many ties, across bins
        "constant": np.full(size, 0.7),
        "two values": np.where(rng.random(size) < 0.3, -1.0, 1.0),
        "outliers": np.concatenate([rng.normal(0, 1e-3, max(size - 2, 0)), [-1e6, 1e6]])[:size],
    }[kind]
    ours = percentiles(values, FRACTIONS)
    theirs = np.percentile(values, [100 * fraction for fraction in FRACTIONS])
    np.testing.assert_allclose(ours, theirs, rtol=1e-12, atol=1e-15)


def test_figures_are_the_ten_of_the_api_with_population_variance():
    values = np.array([1.0, 2.0, 4.0, 8.0, 16.0])
    result = figures(values)
    assert list(result) == list(FIGURES)
    assert result["variance"] == pytest.approx(np.var(values, ddof=0), rel=1e-15)
    assert result["std"] == pytest.approx(np.std(values, ddof=0), rel=1e-15)
    assert (result["min"], result["max"], result["average"], result["median"]) == (1.0, 16.0, 6.2, 4.0)
    assert (result["q1"], result["q3"], result["p10"], result["p90"]) == pytest.approx((2.0, 8.0, 1.4, 12.8))
