# Two commands on a fresh machine: `make demo` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
export HF_HUB_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False
QUESTION ?= Where did Kim fly after the reunion in Wyoming?

.PHONY: setup setup-test demo test check bench clean constraints

$(VENV)/.installed: pyproject.toml constraints.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	# torch first, pinned: a bare `torch` from another package would pull a multi-GB CUDA build.
	$(PIP) install -q -c constraints.txt torch==2.13.0
	$(PIP) install -q -c constraints.txt -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) install -q -c constraints.txt -e '.[test]'
	touch $@

setup: $(VENV)/.installed
setup-test: $(VENV)/.installed-test

demo: setup
	$(VENV)/bin/citebot index
	$(VENV)/bin/citebot ask "$(QUESTION)"

test: setup-test
	$(VENV)/bin/pytest -q

check: setup-test
	$(VENV)/bin/ruff format --check index bot tests bench
	$(VENV)/bin/ruff check index bot tests bench
	$(VENV)/bin/mypy index bot

bench: setup-test
	$(PY) bench/run.py

clean:
	rm -rf .citebot

# After a deliberate upgrade: record the versions the tests just passed with.
constraints: setup-test
	{ echo "# Tested versions: the Makefile installs with \`pip install -c constraints.txt\`, so a fresh"; \
	  echo "# machine gets what CI ran. Regenerate after a deliberate upgrade: make constraints"; \
	  $(PIP) freeze --exclude-editable | grep -v '^#' | sed 's/+cpu$$//'; } > constraints.txt
