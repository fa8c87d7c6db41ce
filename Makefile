# Two entry points: `make run` (set up and open the chat on the bundled report)
# and `make test` (set up and run the test suite). Everything installs from here.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export GRADIO_ANALYTICS_ENABLED := False

.PHONY: setup setup-test run test eval bench lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# torch first and pinned: the CPU build on disk; unpinned it would pull a CUDA build.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

setup: $(VENV)/.installed
	$(BIN)/trip-assistant build

# Debian's chromium for the browser tests, CJK fonts so screenshots show the report's text, a CJK font with
# TrueType outlines for the PDFs the reader tests write (text drawn in Noto CJK's CFF does not read back), and an
# emoji font so the feedback buttons (👍 / 👎) show as themselves.
FONTS := /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc \
         /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf
/usr/bin/chromium $(FONTS):
	apt-get update -q
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-noto-cjk fonts-wqy-zenhei fonts-noto-color-emoji

setup-test: setup /usr/bin/chromium $(FONTS)

run: setup
	$(BIN)/trip-assistant serve

test: setup-test
	$(BIN)/python -m pytest

eval: setup
	$(BIN)/trip-assistant eval --mode all --md-out evals/report.md --json-out evals/report.json

bench: setup
	$(BIN)/python benchmarks/run_all.py

lint: $(VENV)/.installed
	$(BIN)/ruff check assistant tests benchmarks
	$(BIN)/ruff format --check assistant tests benchmarks

clean:
	rm -rf $(VENV) embeddings/index embeddings/models
