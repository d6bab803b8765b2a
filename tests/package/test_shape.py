"""The shape of the package, read from the code as text (ARCHITECTURE.md, "One place for each idea"):
no circle of imports, one root for plainpress's exceptions, the DOCX parts named by the one reader
(`ooxml/`) and the one writer (`render/`), and the tests in folders that mirror the package."""
from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "plainpress"
# Exceptions that are not refusals: a stop signal, and a lookup's miss caught where it is raised
NOT_REFUSALS = {"Stopped", "MissingTranslation"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def imports(tree: ast.AST):
    """Every import, in functions too, but not those only a type checker reads."""
    if isinstance(tree, ast.If) and "TYPE_CHECKING" in ast.unparse(tree.test):
        return
    if isinstance(tree, (ast.Import, ast.ImportFrom)):
        yield tree
    for child in ast.iter_child_nodes(tree):
        yield from imports(child)


def imported(name: str, path: Path) -> set[str]:
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in imports(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name in MODULES}
            continue
        base = package.split(".")[:len(package.split(".")) - node.level + 1] if node.level else []
        target = ".".join(base + ([node.module] if node.module else [])) if node.level else node.module or ""
        for alias in node.names:
            full = f"{target}.{alias.name}"
            found.add(full if full in MODULES else target)
    return {m for m in found if m in MODULES and m != name}


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected parts of more than one module (Tarjan)."""
    index, low, stack, on, found = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            part = []
            while not part or part[-1] != v:
                part.append(stack.pop())
                on.discard(part[-1])
            if len(part) > 1:
                found.append(sorted(part))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_no_circle_of_imports():
    graph = {name: imported(name, path) for name, path in MODULES.items()}
    assert circles(graph) == []


def test_the_circle_finder_finds_one():
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_every_refusal_derives_from_the_one_root():
    from plainpress.errors import PlainpressError
    import importlib
    found = []
    for name, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and node.name not in NOT_REFUSALS and \
                    any(ast.unparse(b).endswith(("Error", "Exception", "Refused")) for b in node.bases):
                kind = getattr(importlib.import_module(name), node.name)
                if issubclass(kind, BaseException) and not issubclass(kind, PlainpressError):
                    found.append(f"{name}.{node.name}")
    assert found == []


def test_only_the_reader_and_the_writer_name_a_docx_part():
    """A name in code (`"word/document.xml"`), not in a sentence of a docstring."""
    parts = ("word/", "docProps/", "_rels/", "[Content_Types]")
    named = sorted({name.split(".")[1] for name, path in MODULES.items() if name.count(".") >= 1
                    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                    if isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and any(node.value.startswith(p) or f"/{p}" in node.value for p in parts)})
    assert set(named) <= {"ooxml", "render", "untrusted"}, named   # untrusted: [Content_Types].xml's macros


def test_tests_mirror_the_package():
    """Each folder of tests is a package of plainpress/ (or this one, of the package's shape), and at
    most four test files, of top-level modules, stay loose."""
    tests = ROOT / "tests"
    folders = {p.parent.name for p in tests.glob("*/test_*.py")}
    assert folders - {p.name for p in PACKAGE.iterdir() if p.is_dir()} - {"package"} == set()
    loose = sorted(p.stem.removeprefix("test_") for p in tests.glob("test_*.py"))
    assert len(loose) <= 4 and all((PACKAGE / f"{name.split('_')[0]}.py").is_file() for name in loose), loose
