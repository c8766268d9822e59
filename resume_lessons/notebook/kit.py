"""Where the kit's own files live: the lesson notebooks and the samples, inside the package.

Found through importlib.resources, so a kit installed from its wheel has them exactly as a
clone does; nothing here looks at the repository folder above the package. A learner never
works in these files: ``copy_lessons`` puts a copy in the learner's folder
(``resume-lessons lessons DIR``), where their drafts and JupyterLab's autosaves go.
"""

from __future__ import annotations

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
