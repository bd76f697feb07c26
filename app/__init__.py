"""Hervest core: domain, encrypted store, services, reports and CLI. Never imports Qt."""

from functools import cache


@cache
def _version() -> str:
    # importlib.metadata scans the installed distributions: tens of milliseconds that the
    # first window should not wait for, so the version is looked up on first use.
    from importlib import metadata

    try:
        return metadata.version("hervest")
    except metadata.PackageNotFoundError:  # running from a bare source tree or a bundle
        import pathlib
        import tomllib

        pyproject = pathlib.Path(__file__).resolve().parent.parent / "pyproject.toml"
        return tomllib.loads(pyproject.read_text("utf-8"))["project"]["version"]


def __getattr__(name: str) -> str:
    if name == "__version__":
        return _version()
    raise AttributeError(f"module 'app' has no attribute {name!r}")
