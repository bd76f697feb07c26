"""Dutch and English through the compiled Qt translations; Dutch dates in the Dutch UI."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from app.domain import CaseState
from ui import i18n
from ui.case_model import Col, headers
from ui.i18n import TRANSLATIONS, format_date
from ui.labels import label
from ui.qt import translate


def test_dutch_ui_text_and_dates() -> None:
    i18n.install("nl")
    try:
        assert label(CaseState.REFERRED) == "Voorgedragen"
        assert headers()[Col.NUMBER] == "UNHCR-zaak"
        assert translate("CaseList", "%n case(s)", "", 1) == "1 zaak"
        assert translate("CaseList", "%n case(s)", "", 3) == "3 zaken"
        assert format_date(dt.date(1987, 3, 14)) == "14-03-1987"
        assert format_date("1987-03") == "03-1987"
        assert format_date("1987") == "1987"
    finally:
        i18n.install("en")
    assert label(CaseState.REFERRED) == "Referred"
    assert translate("CaseList", "%n case(s)", "", 1) == "1 case"
    assert format_date(dt.date(1987, 3, 14)) == "14 Mar 1987"


def test_every_dutch_string_is_translated() -> None:
    root = ET.parse(TRANSLATIONS / "hervest_nl.ts").getroot()
    unfinished = [m.findtext("source") for m in root.iter("message")
                  if m.find("translation").get("type") == "unfinished"]
    assert unfinished == []
    assert (TRANSLATIONS / "hervest_nl.qm").stat().st_size > 1000
