"""Update the .ts sources from the code and compile them to .qm (both tools come with
PySide6-Essentials): `python resources/translations/build.py`. Translators edit the .ts
files (Qt Linguist: `pyside6-linguist`); commit both .ts and .qm."""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
LANGUAGES = ("nl", "en")


def tool(name: str) -> str:
    return str(Path(sys.executable).with_name(f"pyside6-{name}"))


# A module's short helper `def _t(text): return translate("Context", text)` is spelled out
# as `translate("Context", ...)` in a scratch copy, so lupdate sees the context; lupdate
# does not look inside f-strings, so their `_t('...')` calls are appended as plain calls.
HELPER = re.compile(r'def _t\(text: str\) -> str:\n    return (?:QCoreApplication\.)?'
                    r'translate\("(\w+)", text\)')


def expanded(source: Path, folder: Path) -> str:
    text = source.read_text("utf-8")
    found = HELPER.search(text)
    if found:
        inner = re.findall(r"""(?<![\w.])_t\((['"])(.+?)\1\)""", text)
        text += "".join(f"\ntranslate({found.group(1)!r}, {src!r})" for _, src in inner)
        text = re.sub(r"(?<![\w.])(?<!def )_t\(", f'translate("{found.group(1)}", ', text)
    target = folder / source.name
    target.write_text(text, "utf-8")
    return str(target)


def main() -> int:
    with tempfile.TemporaryDirectory() as scratch:
        sources = [expanded(p, Path(scratch)) for p in sorted((ROOT / "ui").glob("*.py"))]
        for lang in LANGUAGES:
            ts = HERE / f"hervest_{lang}.ts"
            subprocess.run([tool("lupdate"), *sources, "-no-obsolete", "-locations", "none",
                            "-tr-function-alias", "QT_TRANSLATE_NOOP+=NOOP",
                            "-target-language", lang, "-ts", str(ts)], check=True, cwd=ROOT)
    for lang in LANGUAGES:
        ts = HERE / f"hervest_{lang}.ts"
        subprocess.run([tool("lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
                       check=True, cwd=ROOT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
