"""Shared fixtures: the guides built once per test session, and the rule for outside tools."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from plainpress import build as pipeline
from plainpress.render import FORMATS, RenderOptions

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
ALS = ROOT / "source" / "als-pathophysiology" / "en.md"
SAMPLE = FIXTURES / "good" / "sample" / "en.md"
FOOT_CARE_ES = FIXTURES / "good" / "cuidado-de-los-pies" / "es.md"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def require_tool(present: bool, what: str) -> None:
    """A validator may be missing on a laptop (skip), never in CI (fail)."""
    if present:
        return
    if IN_CI:
        pytest.fail(f"{what} is missing, and CI must run it: `make setup` installs it")
    pytest.skip(f"{what} is not installed here")


def require_program(name: str) -> str:
    path = shutil.which(name)
    require_tool(path is not None, name)
    return path


@pytest.fixture(autouse=True)
def own_cache(tmp_path_factory, monkeypatch):
    """Each test's builds start from an empty cache of their own, never the checkout's."""
    from plainpress import config
    monkeypatch.setattr(config, "DEFAULT_CACHE", str(tmp_path_factory.mktemp("cache")))


def build_one(source: Path, out: Path, paper: str = "letter") -> pipeline.GuideResult:
    [result] = pipeline.build([source], FORMATS, (), out, RenderOptions(paper=paper))
    return result


@pytest.fixture(scope="session")
def als_build(tmp_path_factory) -> pipeline.GuideResult:
    return build_one(ALS, tmp_path_factory.mktemp("als"))


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory) -> pipeline.GuideResult:
    return build_one(SAMPLE, tmp_path_factory.mktemp("sample"))


@pytest.fixture(scope="session")
def web_build(tmp_path_factory) -> Path:
    """The sample's and the Spanish foot-care guide's web pages, from two separate builds into one
    output folder (the second must keep the first in the library's index); not validated here."""
    out = tmp_path_factory.mktemp("web")
    for source in (SAMPLE, FOOT_CARE_ES):
        pipeline.build([source], ("html",), (), out, RenderOptions())
    return out
