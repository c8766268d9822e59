"""Which build of the element finder runs: the Cython-compiled modules or the Python source.

The install compiles ``elements.py`` and ``profile.py`` when it can (see ``setup.py``) and
records a SHA-256 of each module's sources (its ``.py`` and ``.pxd``) in ``_speedups.json``.
Python always imports a compiled module before the ``.py`` beside it, so this module runs first
thing in the package's ``__init__`` and loads the Python source instead when:

- ``RESUME_LESSONS_PURE_PYTHON`` is set (to compare the two builds, or to debug), or
- the sources have changed since the build (an edit, a checkout): a stale compiled module
  would silently run old code. ``make speedups`` compiles again.

Both builds give the same results; ``tests/test_speedups.py`` checks that.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

HOT_MODULES = ("profile", "elements")  # load order: elements imports profile
MANIFEST = "_speedups.json"
PURE_ENV = "RESUME_LESSONS_PURE_PYTHON"
PACKAGE_DIR = Path(__file__).resolve().parent

_status: dict[str, str] = {}


def compiled_file(name: str) -> Path | None:
    for suffix in EXTENSION_SUFFIXES:
        path = PACKAGE_DIR / f"{name}{suffix}"
        if path.exists():
            return path
    return None


def source_digest(name: str) -> str:
    """SHA-256 over the module's .py and .pxd: setup.py records it, choose() compares it."""
    digest = hashlib.sha256()
    for suffix in (".py", ".pxd"):
        path = PACKAGE_DIR / f"{name}{suffix}"
        if path.exists():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _recorded_digests() -> dict[str, str]:
    try:
        data = json.loads((PACKAGE_DIR / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _load_source(name: str) -> None:
    """Import resume_lessons.<name> from its .py file, ahead of the compiled module."""
    fullname = f"{__package__}.{name}"
    spec = importlib.util.spec_from_file_location(fullname, PACKAGE_DIR / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[fullname] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[fullname]
        raise
    setattr(sys.modules[__package__], name, module)


def choose() -> dict[str, str]:
    """Decide, once per process, which build each hot module runs; returns the reasons."""
    if _status:
        return _status
    forced = bool(os.environ.get(PURE_ENV))
    digests = {} if forced else _recorded_digests()
    for name in HOT_MODULES:
        if compiled_file(name) is None:
            _status[name] = "pure Python (not compiled)"
            continue
        if forced:
            reason = f"pure Python ({PURE_ENV} is set)"
        elif digests.get(name) == source_digest(name):
            _status[name] = "compiled"
            continue
        else:
            reason = "pure Python (source changed since it was compiled: run `make speedups`)"
        _status[name] = reason
        if f"{__package__}.{name}" not in sys.modules:
            _load_source(name)
    return _status


def backend() -> str:
    """One line for benchmarks and bug reports: 'profile: compiled, elements: compiled'."""
    return ", ".join(f"{name}: {how}" for name, how in choose().items())


# On import: the package's __init__ imports this module before any other. setup.py loads this
# file on its own (no package) for HOT_MODULES, MANIFEST and source_digest, and decides nothing.
if __package__:
    choose()
