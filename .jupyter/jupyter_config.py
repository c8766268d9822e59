# Read by every Jupyter command run with JUPYTER_CONFIG_PATH=.jupyter (as `make lab` does):
# HTML exports, `jupyter nbconvert --to html` and JupyterLab's "Export as HTML" alike, use the
# kit's template, which fetches nothing from a CDN (resume_lessons/present/nbexport.py says why).
# The template is found in the installed package (a clone's editable install or a wheel).
from importlib.util import find_spec
from pathlib import Path

c = get_config()  # noqa: F821 - defined by Jupyter when it reads this file
c.HTMLExporter.template_name = "templates"
_kit = find_spec("resume_lessons")  # finds the package without importing it
if _kit and _kit.submodule_search_locations:
    c.HTMLExporter.extra_template_basedirs = [
        str(Path(next(iter(_kit.submodule_search_locations))) / "present")
    ]
