# Two commands on a fresh machine: `make demo` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
export HF_HUB_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False
QUESTION ?= Where did Kim fly after the reunion in Wyoming?
# On a machine without a CPU torch wheel at hand, PyPI's Linux torch is the CUDA build
# (gigabytes of GPU libraries citebot never uses); PyTorch's CPU wheel index avoids it:
#   make demo TORCH_INDEX=https://download.pytorch.org/whl/cpu
TORCH_INDEX ?=
# `make install`: a `citebot` link on PATH and a config file that points it at this clone.
BINDIR ?= $(HOME)/.local/bin
CONFIG_FILE ?= $(or $(XDG_CONFIG_HOME),$(HOME)/.config)/citebot/config.env
INSTALL_HOME ?= $(CURDIR)/.citebot
INSTALL_CORPUS ?= $(CURDIR)/corpus

.PHONY: setup setup-test demo test check bench clean constraints install uninstall

$(VENV)/.installed: pyproject.toml constraints.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	# torch first, pinned: a bare `torch` from another package would pull a multi-GB CUDA build.
	$(PIP) install -q -c constraints.txt $(if $(TORCH_INDEX),--extra-index-url $(TORCH_INDEX)) torch==2.13.0
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

# After `make demo`: `citebot` from any directory. Links the venv's command into BINDIR and,
# unless it exists, writes CONFIG_FILE with this clone's index and corpus (edit it freely).
install:
	@test -x $(VENV)/bin/citebot || { echo "no $(VENV)/bin/citebot yet: run make demo (or make setup) first"; exit 1; }
	@mkdir -p $(BINDIR)
	@ln -sfn $(abspath $(VENV))/bin/citebot $(BINDIR)/citebot
	@echo "linked $(BINDIR)/citebot -> $(abspath $(VENV))/bin/citebot"
	@if [ -e "$(CONFIG_FILE)" ]; then echo "kept $(CONFIG_FILE)"; else \
	  mkdir -p "$(dir $(CONFIG_FILE))" && \
	  printf 'CITEBOT_HOME=%s\nCITEBOT_CORPUS=%s\n' "$(INSTALL_HOME)" "$(INSTALL_CORPUS)" > "$(CONFIG_FILE)" && \
	  echo "wrote $(CONFIG_FILE)"; fi
	@case ":$$PATH:" in *":$(BINDIR):"*) ;; *) echo "note: $(BINDIR) is not on PATH: export PATH=\"$(BINDIR):\$$PATH\"";; esac

uninstall:
	rm -f $(BINDIR)/citebot
	@echo "left $(CONFIG_FILE) and the index in place"

# After a deliberate upgrade: record the versions the tests just passed with.
constraints: setup-test
	{ echo "# Tested versions: the Makefile installs with \`pip install -c constraints.txt\`, so a fresh"; \
	  echo "# machine gets what CI ran. Regenerate after a deliberate upgrade: make constraints"; \
	  $(PIP) freeze --exclude-editable | grep -v '^#' | sed 's/+cpu$$//'; } > constraints.txt
