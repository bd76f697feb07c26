"""Untrusted files cannot exhaust memory or time (issue 13, finding 8): each hostile file
is built for real, run through the real command line (`hervest import referrals`,
`hervest-hq import`) in a child process under an address-space cap, and must be refused
with exit 2 and the message that names the bound it hit, within SECONDS_BOUND, at a peak
RSS under RSS_BOUND_MB. The bundles come from an insider: an enrolled laptop signing with
its valid device key.

Before the bounds: the far cell aborted the process (calamine asked for 512 GiB), the
1 GB signature and CSV were read whole, the 32 MB change line was parsed in quadratic
time (289 s), and the bombs unpacked in full."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fuzz.hostile import (
    RSS_BOUND_MB,
    SECONDS_BOUND,
    hostile_inputs,
    import_referrals,
    names_bound,
    print_table,
    referral_store,
    xlsx_far_cell,
)

NAMES = ["xlsx cell at XFD1048576", "xlsx deflate bomb 512 MB", "xlsx bomb, sizes lie",
         "csv 1 GB (sparse)", "csv 1,000,000 columns", ".minisig 1 GB (sparse)",
         ".minisig 1 GB, HQ desktop", "csv cell of 1 MB",
         "change line 32 MB, signed", "tar member of 8 GB, signed",
         "receipt PDF 1 GB (sparse)"]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory):
    return {what: (run, key) for what, run, key in hostile_inputs(
        tmp_path_factory.mktemp("hostile"))}


@pytest.mark.parametrize("what", NAMES)
def test_hostile_file_is_refused_within_bounds(inputs, what: str, capsys) -> None:
    assert sorted(inputs) == sorted(NAMES)  # a new hostile input gets a test here too
    run, key = inputs[what]
    measured = run()
    with capsys.disabled():
        print_table([(what, measured, names_bound(measured.stderr, key))])
    assert not measured.timed_out, f"{what}: still running after {SECONDS_BOUND} s"
    assert measured.returncode == 2, measured.stderr[-2000:]
    assert names_bound(measured.stderr, key), measured.stderr[-2000:]
    assert "Traceback" not in measured.stderr
    assert measured.peak_rss_mb < RSS_BOUND_MB


def test_the_bound_is_named_in_dutch(tmp_path: Path) -> None:
    measured = import_referrals(referral_store(tmp_path), xlsx_far_cell(tmp_path / "v.xlsx"),
                                lang="nl")
    assert measured.returncode == 2
    assert "Dit rekenblad is groter dan 50,000 rijen x 64 kolommen (het noemt rij " \
        "1,048,576, kolom 16,384)" in measured.stderr


def test_a_far_dimension_or_styled_empty_cell_is_not_refused(tmp_path: Path) -> None:
    """What calamine allocates nothing for (measured) stays readable: Excel writes a used
    range and styled empty cells far out in a formatted sheet."""
    import zipfile

    source = xlsx_far_cell(tmp_path / "template.xlsx")
    sheet = ('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
             'spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/><sheetData>'
             '<row r="1"><c r="A1" t="inlineStr"><is><t>Zaaknummer</t></is></c></row>'
             '<row r="2"><c r="A2" t="inlineStr"><is><t>DEMO-1</t></is></c></row>'
             '<row r="1048576"><c r="XFD1048576" s="0"/></row></sheetData></worksheet>')
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(tmp_path / "styled.xlsx", "w",
                                                          zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            out.writestr(item.filename, sheet if item.filename == "xl/worksheets/sheet1.xml"
                         else src.read(item))
    measured = import_referrals(referral_store(tmp_path), tmp_path / "styled.xlsx")
    # read whole, in its own few MB: refused only at the mapping, for the columns it lacks
    assert "No column found for" in measured.stderr, measured.stderr
    assert "larger than" not in measured.stderr and measured.peak_rss_mb < RSS_BOUND_MB


def test_a_zip_of_a_version_zipfile_does_not_know_is_unreadable(tmp_path: Path) -> None:
    """Found by the fuzz run: zipfile raises NotImplementedError for a central directory
    that asks for a newer zip version (here 21.9), which ended in an internal error."""
    data = bytearray(xlsx_far_cell(tmp_path / "v.xlsx").read_bytes())
    entry = data.find(b"PK\x01\x02")
    data[entry + 6:entry + 8] = (219).to_bytes(2, "little")  # version needed to extract
    (tmp_path / "newer.xlsx").write_bytes(bytes(data))
    measured = import_referrals(referral_store(tmp_path), tmp_path / "newer.xlsx")
    assert measured.returncode == 2, measured.stderr[-2000:]
    assert "Traceback" not in measured.stderr and "internal error" not in measured.stderr
