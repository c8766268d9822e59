"""Notebooks to HTML with nothing fetched from a server: the kit's nbconvert exporter.

nbconvert's own ``--to html`` uses JupyterLab's template, which loads require.js, MathJax,
Mermaid and (for a notebook with widgets) an unpinned widget manager from CDNs. The kit's
template (``templates/index.html.j2``) keeps the look and drops those scripts, so a page works
offline and shows the same thing every time. Use it with::

    jupyter nbconvert --to resume-lessons lesson.ipynb

(the exporter is registered under that name), or run any Jupyter command with
``JUPYTER_CONFIG_PATH=.jupyter`` (as ``make lab`` does), which makes ``--to html`` use it too.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from nbconvert import HTMLExporter
from traitlets import default

PACKAGE_DIR = Path(str(files(__package__)))  # resume_lessons/present/, wherever installed
TEMPLATE = "templates"  # resume_lessons/present/templates/: conf.json and index.html.j2


class OfflineHTMLExporter(HTMLExporter):
    """HTMLExporter with the kit's offline template."""

    export_from_notebook = "HTML (offline)"

    @default("template_name")
    def _default_template_name(self) -> str:
        return TEMPLATE

    @default("extra_template_basedirs")
    def _default_extra_template_basedirs(self) -> list[str]:
        return [str(PACKAGE_DIR)]
