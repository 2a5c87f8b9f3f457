"""The arrows of the design point one way: find -> resolve -> corpus -> outputs.

These tests read the import statements and names of the package's modules,
so that a shortcut (a resolver calling a finder, a finder importing the
corpus) fails here rather than in a review.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import dnnd
from dnnd._find import STEPS, FindContext

PACKAGE = Path(dnnd.__file__).parent


def _imports(path: Path, *, at_import_time: bool = False) -> set[str]:
    """The dnnd modules *path* imports, as dotted names relative to the package ("_find.dates").

    With *at_import_time*, only the imports run when the module itself is
    imported (not those inside functions).
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = list(ast.walk(tree)) if not at_import_time else [n for n in tree.body if isinstance(n, ast.Import | ast.ImportFrom)]
    here = path.relative_to(PACKAGE).with_suffix("").parts
    package = here[:-1]  # the package a relative import starts from
    out: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
                target = [*base, *(node.module.split(".") if node.module else [])]
                names = [".".join(target)] if node.module else [".".join([*base, a.name]) for a in node.names]
                out.update(n for n in names if n)
            elif node.module and node.module.startswith("dnnd."):
                out.add(node.module[len("dnnd.") :])
        elif isinstance(node, ast.Import):
            out.update(a.name[len("dnnd.") :] for a in node.names if a.name.startswith("dnnd."))
    return out


def _names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)} | {
        a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) for a in n.names
    }


FIND_MODULES = sorted((PACKAGE / "_find").glob("*.py"))


@pytest.mark.parametrize("path", FIND_MODULES, ids=lambda p: p.name)
def test_the_find_stage_imports_no_later_stage(path: Path) -> None:
    later = {"_resolve", "_parse", "cli", "corpus", "frames", "serialize", "store", "report"}
    bad = {m for m in _imports(path) if m.split(".")[0] in later}
    assert not bad, f"{path.name} imports {sorted(bad)}"


def test_the_resolver_calls_no_finder() -> None:
    names = _names(PACKAGE / "_resolve.py")
    finders = {step.find.__name__ for step in STEPS}
    assert not names & finders, sorted(names & finders)


def test_parse_names_no_individual_finder() -> None:
    names = _names(PACKAGE / "_parse.py")
    finders = {step.find.__name__ for step in STEPS}
    assert not names & finders, sorted(names & finders)
    assert "find" in names  # the pipeline, as one call


@pytest.mark.parametrize("module", ["model.py", "normalise.py", "errors.py"])
def test_leaf_modules_import_nothing_of_dnnd(module: str) -> None:
    assert _imports(PACKAGE / module, at_import_time=True) == set()


def test_every_step_reads_only_what_earlier_steps_filed() -> None:
    """Run the pipeline on a context that forbids reading a field no earlier step filed."""
    text = (
        "Sáng 14/7/2022, tại Hà Nội, Liên hiệp các tổ chức hữu nghị Việt Nam tổ chức hội nghị "
        "quán triệt Chỉ thị số 12-CT/TW ngày 5/1/2022 của Ban Bí thư và Nghị quyết Đại hội XIII "
        "của Đảng; ông Nguyễn Văn Doanh, Phó Chủ tịch Liên hiệp các tổ chức hữu nghị Việt Nam, phát biểu."
    )
    fields = ("organisations", "dates", "documents", "congresses", "people", "events", "blocked")
    filed: dict[str, tuple[object, ...]] = {}

    class Watching(FindContext):  # type: ignore[misc]
        def __getattribute__(self, name: str) -> object:
            if name in fields:
                assert name in filed, f"a step read {name!r} before any step filed it"
            return super().__getattribute__(name)

    for step in STEPS:
        ctx = Watching(text, 0, len(text), **filed)
        found = tuple(step.find(ctx))
        filed[step.field] = (*filed.get(step.field, ()), *found)
    assert all(filed.get(f) for f in ("events", "people", "documents", "congresses", "organisations"))
