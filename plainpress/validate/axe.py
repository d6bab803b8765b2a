"""axe-core in Debian's headless Chromium, driven by Playwright: a web page at desktop and phone widths.

Target: 0 violations of any impact, with the AAA text-contrast rule (7:1) switched on. The same visit
measures what axe does not: the page may not scroll sideways at 320 and 375 px (WCAG 1.4.10, rule
`web.reflow`); each stop of the Tab key shows a focus ring of 2 px or more and is on screen (WCAG 2.4.7
and 2.4.11, `web.focus`); the page may not ask for anything but itself (self-contained, `web.fetches`;
every other request is aborted, so nothing reaches the network). The smallest printed text is counted.
"""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from ..config import ROOT
from ..findings import Finding
from .result import ToolResult
from .ace import chromium

# DAISY Ace's own copy of axe-core: already installed with Ace, and the engine that checks the EPUB.
AXE_SCRIPT = ROOT / "node_modules" / "@daisy" / "axe-core-for-ace" / "axe.min.js"
AXE_WIDTHS = (1280, 375)          # desktop and phone, each checked by axe
REFLOW_WIDTHS = (320, 375)        # no horizontal scrolling down to 320 CSS px (WCAG 1.4.10)
HEIGHT = 900
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# Every rule axe runs by default (WCAG 2.0-2.2 A and AA, best practices) plus 1.4.6, text at 7:1.
AXE_OPTIONS = {"resultTypes": ["violations"], "rules": {"color-contrast-enhanced": {"enabled": True}}}
IMPACTS = ("critical", "serious", "moderate", "minor")

OVERFLOW_JS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
SMALLEST_TEXT_JS = """() => {
  const sizes = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!node.textContent.trim() || !element.getClientRects().length) continue;
    sizes.push(parseFloat(getComputedStyle(element).fontSize));
  }
  return sizes.length ? Math.min(...sizes) : 0;
}"""


MAX_TAB_STOPS = 300
# The element the Tab key reached: whether it shows a ring and is on screen. Marked, so that the walk
# stops when Tab comes round to the first stop again.
FOCUSED_JS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body || e.dataset.plainpressVisited) return null;
  e.dataset.plainpressVisited = "1";
  const s = getComputedStyle(e), r = e.getBoundingClientRect();
  return {name: e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + " " + (e.textContent || "").trim().slice(0, 40),
          ring: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2,
          seen: r.width > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth};
}"""


def missing_tool() -> str | None:
    """What is missing to run the check, in words; None when everything is there."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python (pip playwright) is not installed"
    if not chromium():
        return "Chromium is not installed"
    if not AXE_SCRIPT.exists():
        return "axe-core (npm @daisy/ace-cli, which ships it) is not installed"
    return None


def run_axe(path: Path) -> ToolResult:
    [result] = run_axe_on_pages([path])
    return result


def run_axe_on_pages(paths: list[Path]) -> list[ToolResult]:
    """Each page checked in one browser, started once for all of them."""
    missing = missing_tool()
    if missing:
        return [ToolResult("axe", Path(p).name, False, note=missing) for p in paths]
    with browser() as open_browser:
        return [check_page(open_browser, Path(p)) for p in paths]


@contextmanager
def browser():
    """Debian's Chromium, headless. Playwright gives each launch a fresh, temporary user-data-dir and
    removes it afterwards; it never downloads a browser of its own here."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium(), headless=True, args=CHROMIUM_FLAGS)
        try:
            yield launched
        finally:
            launched.close()


def check_page(open_browser, path: Path) -> ToolResult:
    url = path.resolve().as_uri()
    page = open_browser.new_page(viewport={"width": AXE_WIDTHS[0], "height": HEIGHT})
    fetches: list[str] = []   # a refused address is asked for again at each width: counted once
    page.route("**/*", lambda route: keep_to_the_page(route, url, fetches))
    try:
        page.goto(url, wait_until="load")
        page.add_script_tag(path=str(AXE_SCRIPT))
        runs = at_widths(page, AXE_WIDTHS, "options => axe.run(document, options)", AXE_OPTIONS)
        overflow = at_widths(page, REFLOW_WIDTHS, OVERFLOW_JS)
        stops = tab_stops(page)   # at the last width: a phone's
        page.emulate_media(media="print")
        print_px = page.evaluate(SMALLEST_TEXT_JS)
        version = page.evaluate("axe.version")
    finally:
        page.close()
    return page_result(path.name, runs, overflow, stops, fetches, print_px, version)


def at_widths(page, widths: tuple[int, ...], script: str, argument=None) -> dict:
    """Width -> what the script returns with the window that wide."""
    found = {}
    for width in widths:
        page.set_viewport_size({"width": width, "height": HEIGHT})
        found[width] = page.evaluate(script, argument)
    return found


def tab_stops(page) -> list[dict]:
    """Press Tab until it comes round again: each element it stops at, as FOCUSED_JS describes it."""
    stops = []
    for _ in range(MAX_TAB_STOPS):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED_JS)
        if stop is None:
            break
        stops.append(stop)
    return stops


def keep_to_the_page(route, url: str, fetches: list[str]) -> None:
    """Let the page itself load; abort and record anything else it asks for."""
    if route.request.url.split("#")[0] == url:
        route.continue_()
    else:
        fetches.append(route.request.url)
        route.abort()


def page_result(name: str, runs: dict, overflow: dict, stops: list[dict], fetches: list[str],
                print_px: float, version: str) -> ToolResult:
    findings = [f for width, run in runs.items() for f in violation_findings(name, width, run)]
    findings += [Finding("error", "web.reflow", f"{name} at {width} px",
                         f"the page scrolls sideways by {extra} px",
                         "let long words and tables wrap; nothing may be wider than the screen")
                 for width, extra in overflow.items() if extra > 0]
    findings += [Finding("error", "web.focus", f"{name} at {REFLOW_WIDTHS[-1]} px: {stop['name']}",
                         "the Tab key stops here " + ("without a focus ring of 2 px or more" if not stop["ring"]
                                                      else "out of sight"),
                         "give :focus-visible an outline of 2 px or more, and keep it on screen")
                 for stop in stops if not (stop["ring"] and stop["seen"])]
    findings += [Finding("error", "web.fetches", name, f"the page asks for {address}, which was refused",
                         "the page must carry everything it shows (data: URIs)")
                 for address in dict.fromkeys(fetches)]
    counts = {f"{kind}_{width}": len(run[kind]) for width, run in runs.items() for kind in ("violations", "passes")}
    counts |= {impact: sum(v.get("impact") == impact for run in runs.values() for v in run["violations"])
               for impact in IMPACTS}
    counts |= {f"overflow_{width}": extra for width, extra in overflow.items()}
    counts |= {"tab_stops": len(stops), "requests_refused": len(set(fetches)), "print_smallest_text_px": round(print_px, 2)}
    widths = " and ".join(str(w) for w in runs)
    return ToolResult("axe", name, True, counts, tuple(findings),
                      note=f"axe-core {version} (DAISY Ace's copy) in Chromium at {widths} px")


def violation_findings(name: str, width: int, run: dict) -> list[Finding]:
    """One finding per rule broken at this width, naming the first element that breaks it."""
    findings = []
    for violation in run["violations"]:
        nodes = violation["nodes"]
        first = " ".join(str(t) for t in nodes[0]["target"]) if nodes else ""
        more = f" and {len(nodes) - 1} more" if len(nodes) > 1 else ""
        findings.append(Finding("error", f"axe.{violation['id']}", f"{name} at {width} px: {first}{more}",
                                f"{violation.get('impact') or 'minor'}: {violation['help']}",
                                violation.get("helpUrl", "")))
    return findings
