"""Names a person reads: the references the plugin makes up, and the statistics files named after
the request's reference (cleaned for file names)."""

from __future__ import annotations

import datetime as dt
import os
import re

import pytest
from load_by_extent.core.local import LocalBackend
from load_by_extent.core.request import TaskRequest, mt_stats_request, new_reference
from load_by_extent.core.runner import run

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# Inside the Colorado field of the Landsat 5/7 series (landsat-timeseries in the sample store).
COLORADO_AOI = {"type": "Polygon", "coordinates": [[[-106.921, 40.283], [-106.907, 40.283], [-106.907, 40.293],
                                                    [-106.921, 40.293], [-106.921, 40.283]]]}


def test_references_are_readable_and_each_new():
    before = dt.datetime.now().replace(microsecond=0)
    references = [new_reference("mt_stats") for _ in range(5)]
    after = dt.datetime.now()
    assert len(set(references)) == 5
    for reference in references:
        assert not UUID.search(reference)
        match = re.fullmatch(r"lbe-plugin-mt_stats-(\d{8}-\d{6})(-\d+)?", reference)
        assert match, reference
        assert before <= dt.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S") <= after
    assert mt_stats_request(["NDVI"], "2009-01-01", "2009-12-31", COLORADO_AOI).params["reference"].startswith(
        "lbe-plugin-mt_stats-")


@pytest.mark.sample_data
@pytest.mark.parametrize(("reference", "file_name"), [
    ("season-2009", "season-2009.json"),
    ("Field 3 / NDVI: 2009", "Field_3_NDVI_2009.json"),  # cleaned for a file name
])
def test_statistics_files_are_named_after_the_reference(sample_store, tmp_path, reference, file_name):
    request = TaskRequest(mt_stats_request(["NDVI"], "2009-06-01", "2009-07-31", COLORADO_AOI,
                                           reference=reference).to_dict())
    result = run(request, LocalBackend(sample_store), str(tmp_path))
    (path,) = result.files
    assert os.path.basename(path) == file_name
    assert os.listdir(tmp_path) == [file_name]


def test_one_rule_cleans_every_part_of_a_file_name():
    """Results, statistics and exports name their files through one function: letters, digits and
    `_ + -` stay, anything else (dots too: sidecars share the name up to its first dot) becomes `_`."""
    from load_by_extent.core.naming import file_name_part

    assert file_name_part("(B08-B04)/(B08+B04)", "x") == "B08-B04_B08+B04"
    assert file_name_part("field 2017.05 ünï", "x") == "field_2017_05_n"
    assert file_name_part(".." + "/x/y", "x") == "x_y"  # no folder in a name, no way out of one
    assert file_name_part("///", "result") == "result"
    assert file_name_part("a" * 200, "x", max_length=100) == "a" * 100
