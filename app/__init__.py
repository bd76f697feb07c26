"""Hervest core: domain, encrypted store, services, reports and CLI. Never imports Qt."""

from importlib import metadata as _metadata


def _version() -> str:
    try:
        return _metadata.version("hervest")
    except _metadata.PackageNotFoundError:  # running from a bare source tree
        import pathlib
        import tomllib

        pyproject = pathlib.Path(__file__).resolve().parent.parent / "pyproject.toml"
        return tomllib.loads(pyproject.read_text("utf-8"))["project"]["version"]


__version__ = _version()
