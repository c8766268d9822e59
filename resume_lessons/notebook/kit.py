"""Where the kit's own files live: the lesson notebooks and the samples, inside the package.

Found through importlib.resources, so a kit installed from its wheel has them exactly as a
clone does; nothing here looks at the repository folder above the package. A learner never
works in these files: ``copy_lessons`` puts a copy in the learner's folder
(``resume-lessons lessons DIR``), where their drafts and JupyterLab's autosaves go.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

TAILOR = "tailor"  # lesson 08's topic: a job posting, not one technique
# (notebook file, technique code, TAILOR, or "" for the start page)
LESSON_FILES: tuple[tuple[str, str], ...] = (
    ("00_start_here.ipynb", ""),
    ("01_lead_with_your_domain.ipynb", "T1"),
    ("02_own_the_whole_system.ipynb", "T2"),
    ("03_show_the_tradeoff.ipynb", "T3"),
    ("04_quantify_experiments.ipynb", "T4"),
    ("05_models_and_systems.ipynb", "T5"),
    ("06_selective_publications.ipynb", "T6"),
    ("07_skills_by_pipeline_stage.ipynb", "T7"),
    ("08_tailor_to_the_posting.ipynb", TAILOR),
)
# What the lessons open when the learner has not named a resume yet; copied beside them.
SAMPLE_NAME = "alex_before.yaml"
POSTINGS = "postings"  # the sample job postings lesson 08 opens, copied into this folder


def _on_disk(resource: object) -> Path:
    # A package installed from a wheel or a clone is a folder: files() is a real path there.
    # (A zipped install would need importlib.resources.as_file per file; the kit is never one.)
    path = Path(str(resource))
    if not path.exists():
        raise FileNotFoundError(f"the kit is missing {path}: reinstall resume-lessons")
    return path


def package_dir() -> Path:
    """The installed ``resume_lessons`` package folder."""
    return _on_disk(files("resume_lessons"))


def lessons_dir() -> Path:
    """The kit's lesson notebooks (``resume_lessons/notebook/lessons/*.ipynb``)."""
    return _on_disk(files("resume_lessons.notebook.lessons"))


def samples_dir() -> Path:
    """The sample resumes: ``examples/`` (Alex, Priya) and ``workshop/`` (a small class)."""
    return _on_disk(files("resume_lessons") / "samples")


def sample_resume() -> Path:
    return samples_dir() / "examples" / SAMPLE_NAME


def sample_postings() -> list[Path]:
    """The sample job postings (``samples/postings/``): YAML, JSON and pasted text."""
    folder = samples_dir() / POSTINGS
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))


def sample_drafts() -> Path:
    """Alex's rewrites of the sample, at the sample's locations."""
    return samples_dir() / "examples" / "alex_before.drafts.yaml"


def lesson_paths() -> list[Path]:
    folder = lessons_dir()
    return [folder / name for name, _ in LESSON_FILES]


def inside_kit(path: Path) -> bool:
    """Whether a path lies inside the installed package (never a place for a learner's file)."""
    kit = package_dir().resolve()
    path = path.resolve()
    return path == kit or kit in path.parents


@dataclass
class Copied:
    folder: Path
    written: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # the learner's own copies, left alone


def copy_lessons(folder: str | Path) -> Copied:
    """Copy the lessons, the sample resume and the sample postings (into ``postings/``) into
    ``folder``; never overwrite a file there."""
    target = Path(folder).expanduser().resolve()
    if inside_kit(target):
        raise ValueError(f"{target} is inside the kit itself; choose a folder of your own")
    target.mkdir(parents=True, exist_ok=True)
    done = Copied(target)
    (target / POSTINGS).mkdir(exist_ok=True)
    sources = [(p, p.name) for p in [*lesson_paths(), sample_resume()]]
    sources += [(p, f"{POSTINGS}/{p.name}") for p in sample_postings()]
    for source, name in sources:
        dest = target / name
        try:
            with dest.open("xb") as out:  # exclusive create: an existing file is never touched
                out.write(source.read_bytes())
        except FileExistsError:
            done.kept.append(name)
            continue
        shutil.copymode(source, dest)
        done.written.append(name)
    return done


# The parameters a learner sets once for every lesson (``resume-lessons lessons DIR --resume``).
SHARED_PARAMETERS = ("resume_path", "learner_name", "posting_path")  # the last: lesson 08's
# One line of a parameters cell: name = "value"  # comment
_LINE = re.compile(r"""^(\w+)(\s*=\s*)("(?:[^"\\]|\\.)*"|'[^'\\]*')(.*?)(\n?)$""")


@dataclass
class Parameters:
    folder: Path
    changed: list[str] = field(default_factory=list)  # lessons whose parameters cell was set
    same: list[str] = field(default_factory=list)  # already set so
    problems: list[str] = field(default_factory=list)  # "name: why", lessons left as they were


def _parameters(path: Path) -> tuple[dict, dict, list[str]] | None:
    """A lesson notebook, its parameters cell and that cell's lines, or None if it has none."""
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
        cell = next(
            c for c in nb["cells"] if "parameters" in (c.get("metadata", {}).get("tags") or ())
        )
        source = cell["source"]
        lines = "".join(source if isinstance(source, list) else [source]).splitlines(True)
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, StopIteration):
        return None
    return nb, cell, lines


def set_parameters(folder: str | Path, values: dict[str, str]) -> Parameters:
    """Set ``values`` (of ``SHARED_PARAMETERS``) in the parameters cell of every lesson in
    ``folder``, so each lesson opens the learner's resume without being told again. Only
    those lines of that cell change, each notebook is replaced atomically, and a lesson that
    cannot be read is named and left whole; the others are still set."""
    from ..core.files import write_atomic

    target = Path(folder).expanduser().resolve()
    done = Parameters(target)
    for name, _ in LESSON_FILES:
        path = target / name
        read = _parameters(path) if path.is_file() else None
        if read is None:
            if path.is_file():
                done.problems.append(f"{name}: not a lesson notebook with a parameters cell")
            continue
        nb, cell, lines = read
        if not any((hit := _LINE.match(line)) and hit.group(1) in values for line in lines):
            continue  # a lesson without these parameters ("posting_path" is lesson 08's)
        new = [_set_line(line, values) for line in lines]
        if new == lines:
            done.same.append(name)
            continue
        cell["source"] = new
        try:
            write_atomic(path, json.dumps(nb, indent=1, ensure_ascii=False) + "\n")
        except OSError as exc:
            done.problems.append(f"{name}: {exc.strerror or exc}")
            continue
        done.changed.append(name)
    return done


def lessons_opening_another(folder: str | Path, resume_path: str | Path) -> list[str]:
    """The lessons in ``folder`` whose parameters cell opens another resume than this one:
    those the learner has not yet pointed at their own."""
    target = Path(folder).expanduser().resolve()
    mine = (target / Path(resume_path).expanduser()).resolve()
    out = []
    for name, _ in LESSON_FILES:
        read = _parameters(target / name)
        for line in read[2] if read else ():
            hit = _LINE.match(line)
            if hit and hit.group(1) == "resume_path":
                value = hit.group(3)
                value = json.loads(value) if value.startswith('"') else value[1:-1]
                if (target / Path(value).expanduser()).resolve() != mine:
                    out.append(name)
    return out


def _set_line(line: str, values: dict[str, str]) -> str:
    """'resume_path = "alex_before.yaml"  # your resume…' with the new value, comment kept."""
    hit = _LINE.match(line)
    if not hit or hit.group(1) not in values:
        return line
    name, eq, _old, rest, end = hit.groups()
    return f"{name}{eq}{json.dumps(values[name], ensure_ascii=False)}{rest}{end}"
