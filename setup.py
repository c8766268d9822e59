"""Optional compiled speedups for the element finder; all other metadata is in pyproject.toml.

When a C compiler is at hand, the install compiles the two hot modules, ``resume_lessons/
elements.py`` and ``resume_lessons/profile.py``, with Cython, as they are (their ``.pxd`` files
add C types to a few character loops). The pure-Python source stays the reference and the
fallback:

- no compiler, or a failed compile: a warning, and the install goes on in pure Python;
- ``RESUME_LESSONS_NO_EXTENSIONS=1`` at install time: nothing is compiled;
- the build writes each source's SHA-256 to ``resume_lessons/_speedups.json``; at import
  ``resume_lessons/_speedups.py`` skips a compiled module whose source has changed since, so an
  edit always takes effect (``make speedups`` compiles it again).
"""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

PACKAGE = "resume_lessons"
ROOT = Path(__file__).resolve().parent


def _load_speedups():  # type: ignore[no-untyped-def]
    """resume_lessons/_speedups.py on its own: the module list, the manifest's name and the
    source digest are the ones the package checks at import, not a copy of them."""
    spec = importlib.util.spec_from_file_location("_speedups", ROOT / PACKAGE / "_speedups.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


speedups = _load_speedups()


def _warn(message: str) -> None:
    print(f"\nresume-lessons: {message}\n", flush=True)


class OptionalBuildExt(build_ext):
    """build_ext that never fails the install and records what each module was built from."""

    def run(self) -> None:
        self.compiled: list[str] = []
        try:
            super().run()
        except Exception as exc:  # no compiler at all, or the toolchain is broken
            _warn(f"no compiled speedups ({exc}); the element finder runs in pure Python.")
        folders = {Path(self.build_lib) / PACKAGE}
        if self.inplace or getattr(self, "editable_mode", False):
            folders.add(ROOT / PACKAGE)  # the compiled modules were copied into the source
        for folder in folders:
            if folder.is_dir():
                _record_sources(folder / speedups.MANIFEST, self.compiled)

    def copy_extensions_to_source(self) -> None:
        """Copy only what was compiled: a module that failed stays pure Python."""
        built = [e for e in self.extensions if e.name.rsplit(".", 1)[-1] in self.compiled]
        self.extensions, everything = built, self.extensions
        try:
            super().copy_extensions_to_source()
        finally:
            self.extensions = everything

    def build_extension(self, ext) -> None:  # type: ignore[no-untyped-def]
        try:
            super().build_extension(ext)
        except Exception as exc:
            _warn(f"could not compile {ext.name} ({exc}); it runs in pure Python.")
            return
        self.compiled.append(ext.name.rsplit(".", 1)[-1])


def _record_sources(manifest: Path, names: list[str]) -> None:
    """Write the digest of each compiled module's sources next to it (see _speedups.py)."""
    digests = json.loads(manifest.read_text()) if manifest.exists() else {}
    for name in names:
        digests[name] = speedups.source_digest(name)
    manifest.write_text(json.dumps(digests, indent=2, sort_keys=True) + "\n")


def extensions() -> list:
    if os.environ.get("RESUME_LESSONS_NO_EXTENSIONS"):
        return []
    try:
        from Cython.Build import cythonize
    except ImportError:
        _warn("Cython is not installed; the element finder runs in pure Python.")
        return []
    return cythonize(
        [f"{PACKAGE}/{name}.py" for name in speedups.HOT_MODULES],
        build_dir="build/cython",  # keep the generated C out of the package
        quiet=True,
        compiler_directives={
            "language_level": 3,
            # Annotations stay documentation: the compiled module accepts exactly what the
            # Python source accepts (no type checks added on arguments).
            "annotation_typing": False,
        },
    )


setup(ext_modules=extensions(), cmdclass={"build_ext": OptionalBuildExt})
