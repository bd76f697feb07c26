"""One target under atheris (libFuzzer, coverage-guided over the app and sync packages):
`python -m tests.fuzz.atheris_main TARGET [libFuzzer flags] [corpus dirs]`."""

import sys

import atheris

with atheris.instrument_imports(include=["app", "sync"]):
    from tests.fuzz.targets import TARGETS


def main() -> None:
    target = TARGETS[sys.argv.pop(1)]
    target.seeds()  # make the fixtures before fuzzing starts
    atheris.Setup(sys.argv, target.check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
