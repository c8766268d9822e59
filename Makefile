# Every target creates or reuses .venv and installs what it needs.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: report test test-fast lab lab-kit bench lint clean

$(STAMP): pyproject.toml
	@echo "Setting up the kit in $(VENV)/: installing JupyterLab, papermill, nbconvert, pandas,"
	@echo "matplotlib and the PDF/Word readers (about 4 minutes and 800 MB the first time; later"
	@echo "runs reuse it, and it is redone only when pyproject.toml changes)..."
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)
	@echo "Set up: $(VENV)/ is ready."

# The command prints the report's path, then how to open it and what to do next.
report: $(STAMP)
	@echo "Writing the sample report: a Jupyter kernel runs the report notebook (a few seconds)."
	@echo "Run it yourself as $(VENV)/bin/resume-lessons report [MY_RESUME.yaml] [--pdf]."
	$(VENV)/bin/resume-lessons report --out reports

test: $(STAMP)
	$(PY) -m ruff check resume_lessons tests benchmarks
	$(VENV)/bin/lint-imports
	$(PY) -m pytest

# For editing: what needs no kernel, no browser and no slow subprocess, in under a minute.
test-fast: $(STAMP)
	$(PY) -m ruff check resume_lessons tests benchmarks
	$(VENV)/bin/lint-imports
	$(PY) -m pytest -q -m "not browser and not notebook and not slow"

# `make lab` opens workspace/ (git-ignored): the learner's copy of the lessons and the sample,
# made by `resume-lessons lessons workspace`, which never overwrites a file already there. So
# autosaved outputs and drafts (workspace/drafts/) never touch a tracked file and `git pull`
# never conflicts. nbstripout --install sets this clone's git filter (in .git/, nothing
# tracked): a notebook is committed without outputs even when a teacher forgets to clear them.
# JUPYTER_CONFIG_PATH adds .jupyter/labconfig/default_setting_overrides.json: every cell
# rendered (windowing mode "none"), no news or update checks. Settings the learner changes
# and workspaces stay in .jupyter/lab/ (git-ignored), never in ~/.jupyter.
LAB_ENV = JUPYTER_CONFIG_PATH=$(CURDIR)/.jupyter \
	JUPYTERLAB_SETTINGS_DIR=$(CURDIR)/.jupyter/lab/user-settings \
	JUPYTERLAB_WORKSPACES_DIR=$(CURDIR)/.jupyter/lab/workspaces
LAB_ROOT = $(if $(filter 0,$(shell id -u)),--allow-root)
# What JupyterLab adds on save besides outputs (nbstripout's defaults take those, execution
# counts and widget state): the kernel's version details and a cell's hidden/collapsed flags.
# tests/test_lesson_structure.py reads this line and verifies with the same keys.
NBSTRIP_KEYS = metadata.language_info.version metadata.language_info.codemirror_mode metadata.language_info.file_extension metadata.language_info.mimetype metadata.language_info.nbconvert_exporter metadata.language_info.pygments_lexer cell.metadata.jupyter
NBSTRIP_FILTER = git rev-parse --git-dir >/dev/null 2>&1 && $(VENV)/bin/nbstripout --install && git config filter.nbstripout.extrakeys "$(NBSTRIP_KEYS)"
lab: $(STAMP)
	-$(NBSTRIP_FILTER)
	$(VENV)/bin/resume-lessons lessons workspace
	$(LAB_ENV) $(VENV)/bin/jupyter lab --notebook-dir=workspace $(LAB_ROOT)

# For teachers: the kit's own lessons (resume_lessons/notebook/lessons/), to edit and commit.
# Run them in workspace/ instead; here the git filter keeps outputs out of commits.
lab-kit: $(STAMP)
	$(NBSTRIP_FILTER)
	$(LAB_ENV) $(VENV)/bin/jupyter lab --notebook-dir=resume_lessons/notebook/lessons $(LAB_ROOT)

bench: $(STAMP)
	$(PY) benchmarks/bench_analyzer.py
	$(PY) benchmarks/eval_elements.py
	$(PY) benchmarks/bench_notebooks.py
	$(PY) benchmarks/bench_report.py
	$(PY) benchmarks/bench_limits.py
	$(PY) benchmarks/bench_cli.py

lint: $(STAMP)
	$(PY) -m ruff check resume_lessons tests benchmarks
	$(PY) -m ruff format --check resume_lessons tests benchmarks

clean:
	rm -rf $(VENV) reports .pytest_cache build
