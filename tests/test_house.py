"""The layout holds: no import circle, no oversized module, packages say what they hold;
and the two defects the house audit found stay fixed."""

from __future__ import annotations

import ast
import json
from pathlib import Path

from conftest import ROOT
from test_cli import env_of, home, run  # noqa: F401 - `home` is a module fixture

PACKAGES = ("index", "bot")
MAX_LINES = 300


def _modules() -> dict[str, Path]:
    found = {}
    for pkg in PACKAGES:
        for path in sorted((ROOT / pkg).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """Every citebot module `name` imports, at any depth, TYPE_CHECKING blocks included."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(tree):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [base] + [f"{base}.{a.name}" for a in node.names]
        for target in targets:
            # `from pkg import module` imports pkg.module; `import a.b.c` imports a, a.b, a.b.c
            parts = target.split(".")
            for i in range(1, len(parts) + 1):
                candidate = ".".join(parts[:i])
                if candidate in known and candidate != name:
                    out.add(candidate)
    return out


def test_no_import_circle() -> None:
    modules = _modules()
    known = set(modules)
    graph = {name: _imports(name, path, known) for name, path in modules.items()}
    # A package's __init__ is imported by its children; that edge is not a circle.
    graph = {n: {d for d in deps if not n.startswith(d + ".")} for n, deps in graph.items()}
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(n: str) -> None:
        state[n] = 1
        stack.append(n)
        for d in sorted(graph[n]):
            if state.get(d) == 1:
                cycle = [*stack[stack.index(d) :], d]
                raise AssertionError("import circle: " + " -> ".join(cycle))
            if d not in state:
                visit(d)
        stack.pop()
        state[n] = 2

    for n in sorted(graph):
        if n not in state:
            visit(n)


def test_the_indexer_never_imports_the_answering_side() -> None:
    modules = _modules()
    known = set(modules)
    for name, path in modules.items():
        if name.startswith("index"):
            assert not any(d.startswith("bot") for d in _imports(name, path, known)), name


def test_front_ends_are_not_imported_by_the_core() -> None:
    modules = _modules()
    known = set(modules)
    lower = ("bot.core", "bot.newsdesk", "bot.engine", "bot.evaluate")
    for name, path in modules.items():
        if name.startswith(lower):
            deps = _imports(name, path, known)
            assert not any(d.startswith(("bot.cli", "bot.discord_bot")) for d in deps), name


def test_no_module_over_the_size_guideline() -> None:
    for name, path in _modules().items():
        lines = len(path.read_text(encoding="utf-8").splitlines())
        assert lines <= MAX_LINES, f"{name} has {lines} lines"


def test_every_package_says_what_it_holds() -> None:
    for name, path in _modules().items():
        if path.name == "__init__.py":
            doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
            assert doc and len(doc) > 40, f"{name} has no docstring saying what it holds"


def test_version(tmp_path: Path) -> None:
    result = run(tmp_path, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("citebot ") and result.stdout.split()[1][0].isdigit()


def test_citebot_top_k_sets_the_default_of_ask(home: Path) -> None:  # noqa: F811
    """The -k option's default used to win over CITEBOT_TOP_K."""
    question = "How many kids do Kim and Kanye have?"
    wide = json.loads(run(home, "ask", "--json", question, **env_of(home)).stdout)
    assert len(wide["citations"]) > 1  # the question draws on more than one passage
    one = run(home, "ask", "--json", question, **env_of(home), CITEBOT_TOP_K="1")
    assert one.returncode == 0, one.stderr
    assert len(json.loads(one.stdout)["citations"]) == 1
    explicit = run(home, "ask", "--json", "-k", "2", question, **env_of(home), CITEBOT_TOP_K="1")
    assert len(json.loads(explicit.stdout)["citations"]) == 2
