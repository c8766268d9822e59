# Read by every Jupyter command run with JUPYTER_CONFIG_PATH=.jupyter (as `make lab` does):
# HTML exports, `jupyter nbconvert --to html` and JupyterLab's "Export as HTML" alike, use the
# kit's template, which fetches nothing from a CDN (resume_lessons/present/nbexport.py says why).
from pathlib import Path

c = get_config()  # noqa: F821 - defined by Jupyter when it reads this file
c.HTMLExporter.template_name = "templates"
c.HTMLExporter.extra_template_basedirs = [
    str(Path(__file__).resolve().parents[1] / "resume_lessons" / "present")
]
