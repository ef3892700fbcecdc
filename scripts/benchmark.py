"""How the build scales: time, memory and page sizes for 5, 50 and 150 councils.

    .venv/bin/python scripts/benchmark.py                # the full run; rewrites benchmarks/README.md
    .venv/bin/python scripts/benchmark.py --sizes 5 50   # a quicker run (does not rewrite the README)
    .venv/bin/python scripts/benchmark.py --profile 150  # where the time goes in one build (cProfile)
    .venv/bin/python scripts/benchmark.py --lighthouse-only  # phone scores only; rewrites that README section

For each size it writes that many synthetic but valid authority files (scripts/synthetic.py),
builds them with `mkdocs build --strict` in a fresh process (so the peak memory is that build's
own), and measures the built site. It then builds "plain Material" from the same pages: the
content each page had once our hooks and macros had run (council pages: their final HTML),
written out as static files and built with the
same theme, features and extensions but no hooks and no macros plugin. The ratio of the two
build times is what the generator itself costs. It also measures one council's own site
(LOCAL_OFFER_AUTHORITY), whose search index a parent's browser downloads.

`--root DIR` measures another checkout of the project (e.g. to try a change before making it).

It also runs Lighthouse's phone preset on the real site (the home page, one page of each council
page kind, compare and coverage; benchmarks/lighthouse/, installed there with `npm ci` and never by
the tests). `--lighthouse-only` runs just that and rewrites only that section of the README.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import platform
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
from datetime import date
from importlib import metadata
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
sys.path.insert(0, str(HERE))
from synthetic import write_authorities  # noqa: E402

TARGETS = {
    "build_150_s": 15.0,          # 150 authorities, whole build, on 2 cores
    "ratio_to_plain": 1.2,        # our build time / plain Material's for the same pages, 150 councils
    "mean_html_kb": 30.0,         # mean HTML bytes per page
    "site_150_mb": 25.0,          # the whole site on disk at 150 councils
    "search_ms": 300.0,           # from the last key press to results, in Chromium
    "search_top3": 0.97,          # share of a question list answered in the top three, typed into the box
    "search_top1": 0.85,          # ... and first
    "reading_age_median": 9.0,    # scripts/readability.py over every page
    "reading_age_max": 12.0,
}

# Runs one build as a child and prints its wall time and peak memory. A fresh wrapper per build
# means RUSAGE_CHILDREN's maximum is this build's alone.
WRAPPER = r"""
import json, resource, subprocess, sys, time
start = time.perf_counter()
result = subprocess.run(sys.argv[1:], capture_output=True, text=True)
wall = time.perf_counter() - start
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"wall": wall, "peak_kb": peak_kb, "rc": result.returncode, "stderr": result.stderr[-4000:]}))
"""


def run_build(root: Path, site: Path, env: dict[str, str], config: Path | None = None) -> dict:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)]
    if config:
        command += ["--config-file", str(config)]
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    out = subprocess.run([sys.executable, "-c", WRAPPER, *command], cwd=root, env=full_env,
                         capture_output=True, text=True, check=True)
    measured = json.loads(out.stdout)
    if measured["rc"] != 0:
        raise SystemExit(f"the build failed ({' '.join(command)}):\n{measured['stderr']}")
    return measured


def timed_builds(root: Path, site: Path, env: dict[str, str], repeat: int, config: Path | None = None) -> dict:
    runs = [run_build(root, site, env, config) for _ in range(repeat)]
    return {"wall": statistics.median(r["wall"] for r in runs), "peak_kb": max(r["peak_kb"] for r in runs)}


def site_stats(site: Path) -> dict:
    pages = [p for p in site.rglob("*.html") if p.name != "404.html"]
    sizes = [p.stat().st_size for p in pages]
    return {
        "pages": len(pages),
        "mean_html": statistics.mean(sizes),
        "max_html": max(sizes),
        "max_html_page": str(max(pages, key=lambda p: p.stat().st_size).relative_to(site)),
        # Pagefind's whole bundle on disk; a search loads only the pieces it needs (search_rows).
        "search_index": sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file()),
        "site_bytes": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
    }


# --- plain Material from the same pages -------------------------------------------------------

def capture_markdown(root: Path, out: Path, site: Path) -> None:
    """Build once in this process with an extra plugin that saves each page's content as a Markdown page.

    Council pages are rendered to HTML after Python-Markdown (macros/build/hooks.py), so the page saved is
    its final HTML, which plain Material passes through as raw HTML."""
    os.chdir(root)
    sys.path.insert(0, str(root))
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.plugins import BasePlugin, event_priority

    class Capture(BasePlugin):
        @event_priority(-100)  # after the hooks have put in the council page's HTML
        def on_page_content(self, html, page, config, files):
            meta = {k: v for k, v in page.meta.items() if k not in ("authority_slug", "page_kind")}
            front = f"---\n{yaml.safe_dump(meta, sort_keys=False)}---\n\n" if meta else ""
            target = out / page.file.src_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(front + html, encoding="utf-8")
            return html

    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
    config.plugins["benchmark-capture"] = Capture()
    build(config)


class _EnvDefault(yaml.SafeLoader):
    """Reads mkdocs.yml's `!ENV [NAME, default]` tags as their default."""


_EnvDefault.add_constructor("!ENV", lambda loader, node: (loader.construct_sequence(node) or [None])[-1]
                            if isinstance(node, yaml.SequenceNode) else None)


def plain_config(root: Path, docs: Path, path: Path) -> Path:
    """mkdocs.yml without the hooks, the macros plugin and the council settings."""
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_EnvDefault)
    config.pop("hooks", None)
    config["docs_dir"] = str(docs)
    config["plugins"] = [p for p in config.get("plugins", []) if not (isinstance(p, dict) and "macros" in p)
                         and p != "macros"]
    if config.get("theme", {}).get("custom_dir"):
        config["theme"]["custom_dir"] = str(root / config["theme"]["custom_dir"])
    config.get("extra", {}).pop("local_offer", None)
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


# --- search in the browser --------------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# The first is typed as soon as the page has loaded, before any of the index has been fetched: the
# slowest case. The rest are on the same page.
SEARCHES = ["senco", "top up funding", "sendiass", "ehc needs assessment", "one page profile"]
TYPING_DELAY_MS = 60  # a quick typist
# Records each key press, and when the results list says which search it now answers (search.js).
OBSERVE = """() => {
  window.__lo = {keys: [], answered: []};
  document.addEventListener('keydown', () => window.__lo.keys.push(performance.now()), true);
  const list = document.getElementById('lo-search-results');
  new MutationObserver(() => window.__lo.answered.push([performance.now(), list.getAttribute('data-answered')]))
    .observe(list, {attributes: true, attributeFilter: ['data-answered']});
}"""


def _free_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def search_latency(site: Path, start: str = "") -> dict:
    """Milliseconds from the last keystroke to the results of the whole query, in Chromium, and the
    kilobytes of the search index the page fetched for them.

    `first` is the first search after opening the page at `start` (nothing of the index fetched
    yet); `warm` are later searches on the same page.
    """
    from playwright.sync_api import sync_playwright

    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                               "--directory", str(site)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        import time
        import urllib.request
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1).close()
                break
            except OSError:
                time.sleep(0.05)
        timings, fetched = [], {}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.on("response", lambda r: fetched.__setitem__(r.url, len(r.body()))
                    if "/pagefind/" in r.url and r.ok else None)
            page.goto(f"http://127.0.0.1:{port}/{start}")
            page.evaluate(OBSERVE)
            page.keyboard.press("/")
            box = page.locator("#lo-search-input")
            for query in SEARCHES:
                page.evaluate("() => { window.__lo.keys = []; window.__lo.answered = []; }")
                box.press_sequentially(query, delay=TYPING_DELAY_MS)
                page.wait_for_function(
                    "q => window.__lo.answered.some(([at, answered]) => answered === q)", arg=query, timeout=30_000)
                lo = page.evaluate("window.__lo")
                last, first = lo["keys"][-1], lo["keys"][0]
                shown = min(at for at, answered in lo["answered"] if answered == query)
                timings.append({"query": query, "ms": shown - last, "first_key_to_results_ms": shown - first})
                box.fill("")
            browser.close()
    finally:
        server.terminate()
        server.wait()
    warm = [t["ms"] for t in timings[1:]]
    return {"first_ms": timings[0]["ms"], "first_key_to_results_ms": timings[0]["first_key_to_results_ms"],
            "warm_median_ms": statistics.median(warm), "warm_max_ms": max(warm), "timings": timings,
            "loaded": sum(fetched.values())}


# --- Lighthouse on a phone --------------------------------------------------------------------

LIGHTHOUSE_DIR = PROJECT / "benchmarks" / "lighthouse"  # its own package.json: the tests never install it
LIGHTHOUSE_RUNS = 3  # per page; the scores move with the machine's load, so the median is kept
LIGHTHOUSE_TARGETS = {"performance": 95, "accessibility": 100, "cls": 0.1}
# GitHub Pages, where the site is published, compresses text with gzip; a plain http.server would
# not, and Lighthouse would then time a site no parent is sent.
COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"}


def lighthouse_pages(site: Path, council: str) -> list[tuple[str, str]]:
    """(label, path): the home page, one page of each council page kind, compare (as sent, and with two
    councils chosen, the table councils.js makes) and coverage."""
    sys.path.insert(0, str(PROJECT))
    from macros.pages.page_kinds import PAGE_KINDS

    other = next((p.parent.parent.name for p in sorted(site.glob("*/graduated-approach/index.html"))
                  if p.parent.parent.name != council), None)
    pages = [("home", "")]
    pages += [(f"{council}: {kind.key}", kind.url(council)) for kind in PAGE_KINDS]
    pages += [("compare", "compare/")]
    if other:
        pages += [(f"compare: {council} and {other} chosen", f"compare/?council={council}&council={other}")]
    pages += [("coverage", "coverage/")]
    return [(label, path) for label, path in pages if (site / path.split("?", 1)[0] / "index.html").exists()]


def _compressing_server(site: Path):
    """`site` served on 127.0.0.1 on a free port, text gzipped when the browser asks, as GitHub Pages does."""
    import gzip
    import threading
    from io import BytesIO
    from functools import partial
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Handler(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def end_headers(self):
            self.send_header("Cache-Control", "max-age=600")
            super().end_headers()

        def send_head(self):
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                if not self.path.split("?", 1)[0].endswith("/"):
                    return super().send_head()  # its redirect to the address with a slash
                path = path / "index.html"
            if "gzip" not in self.headers.get("Accept-Encoding", "") or path.suffix not in COMPRESSED \
                    or not path.is_file():
                return super().send_head()
            body = gzip.compress(path.read_bytes(), compresslevel=6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return BytesIO(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def lighthouse_command() -> list[str]:
    cli = LIGHTHOUSE_DIR / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not cli.exists():
        if not shutil.which("npm"):
            raise SystemExit("Lighthouse needs Node.js and npm: install them, then run `npm ci` in benchmarks/lighthouse")
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=LIGHTHOUSE_DIR, check=True)
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"Lighthouse needs Chromium at {CHROMIUM} (scripts/test.sh installs Debian's)")
    return ["node", str(cli)]


def lighthouse_run(command: list[str], url: str, out: Path) -> dict:
    """One Lighthouse run with its mobile preset (a mid-range phone on a slow 4G line, simulated)."""
    result = subprocess.run([*command, url, "--quiet", "--output=json", f"--output-path={out}",
                             "--chrome-flags=--headless --no-sandbox --disable-gpu"],
                            env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True)
    if result.returncode != 0 or not out.exists():
        raise SystemExit(f"Lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    report = json.loads(out.read_text(encoding="utf-8"))
    audits, categories = report["audits"], report["categories"]
    failing = sorted(ref["id"] for ref in categories["accessibility"]["auditRefs"]
                     if audits[ref["id"]]["score"] is not None and audits[ref["id"]]["score"] < 1
                     and audits[ref["id"]]["scoreDisplayMode"] == "binary")
    return {
        "performance": round(categories["performance"]["score"] * 100),
        "accessibility": round(categories["accessibility"]["score"] * 100),
        "best_practices": round(categories["best-practices"]["score"] * 100),
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "lcp_ms": audits["largest-contentful-paint"]["numericValue"],
        "tbt_ms": audits["total-blocking-time"]["numericValue"],
        "failing": failing,
    }


def lighthouse(site: Path, council: str, work: Path, runs: int = LIGHTHOUSE_RUNS) -> list[dict]:
    """Each page's median over `runs` Lighthouse runs, each figure's median on its own."""
    command = lighthouse_command()
    server = _compressing_server(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    measured = []
    try:
        for label, path in lighthouse_pages(site, council):
            each = [lighthouse_run(command, base + path, work / f"lighthouse-{len(measured)}-{i}.json")
                    for i in range(runs)]
            page = {key: statistics.median(r[key] for r in each) for key in each[0] if key != "failing"}
            page.update(label=label, path=path, failing=sorted({a for r in each for a in r["failing"]}))
            measured.append(page)
            print(lighthouse_row(page), flush=True)
    finally:
        server.shutdown()
        server.server_close()
    return measured


def lighthouse_row(page: dict) -> str:
    failing = ", ".join(f"`{a}`" for a in page["failing"]) or "none"
    return (f"| {page['label']} | {page['performance']:.0f} | {page['accessibility']:.0f} "
            f"| {page['best_practices']:.0f} | {page['cls']:.3f} | {page['lcp_ms'] / 1000:.1f} "
            f"| {page['tbt_ms']:.0f} | {failing} |")


LIGHTHOUSE_HOW = """\
How the targets were reached: the council pages' contents box used to be sent open and closed by
components.js on a phone after the first paint, which moved the whole page down by its height
(a layout shift of 0.17 to 0.19, and performance 91 or 92). It is now sent closed, and on a wider
screen local-offer.css shows its list from the first paint; nothing moves on either. What
Lighthouse still points at costs no point of performance here: the stylesheets and the small
scripts that run before the content is drawn (Material's 23 KB gzipped stylesheet and start-up
script, our two stylesheets and councils.js) hold back the first paint, and Material's one bundle
carries code a page does not use (the copy button's clipboard code, for one). The
graduated-approach page's small layout shift is its step-by-step guide moving down when
components.js puts the "Show all steps" button above it, after the first paint. The search
dialog is named ("Search this site"), and its button is a real button (search.js), so no audit
fails on it.
"""


def lighthouse_lines(measured: list[dict]) -> list[str]:
    """The README's Lighthouse section: how it was measured, the table and the targets."""
    def verdict(ok: bool) -> str:
        return "met" if ok else "**missed**"

    worst_performance = min(measured, key=lambda p: p["performance"])
    worst_cls = max(measured, key=lambda p: p["cls"])
    failing = {a for p in measured for a in p["failing"]}
    lowest = min(p["accessibility"] for p in measured)
    accessibility = f"- accessibility {LIGHTHOUSE_TARGETS['accessibility']} on every page: lowest {lowest:.0f}, "
    if failing:
        accessibility += f"**missed** (failing: {', '.join(f'`{a}`' for a in sorted(failing))})"
    else:
        accessibility += verdict(lowest >= LIGHTHOUSE_TARGETS["accessibility"])
    return [
        "## Lighthouse on a phone",
        "",
        f"Lighthouse {lighthouse_version()} (`benchmarks/lighthouse/`, its mobile preset: a mid-range phone on a "
        "slow 4G line, simulated) in Debian's Chromium, headless, on the real site built from `authorities/` and "
        "served on 127.0.0.1 with text gzipped, as GitHub Pages sends it. Scores move with the machine's load, so "
        f"each page is measured {LIGHTHOUSE_RUNS} times and each figure is the median of its {LIGHTHOUSE_RUNS}; the "
        "last column lists every accessibility audit that failed in any run. Run just this part with "
        "`.venv/bin/python scripts/benchmark.py --lighthouse-only`.",
        "",
        "| page | performance | accessibility | best practices | CLS | LCP (s) | TBT (ms) | failing accessibility audits |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
        *(lighthouse_row(p) for p in measured),
        "",
        f"- performance at least {LIGHTHOUSE_TARGETS['performance']} on every page: lowest "
        f"{worst_performance['performance']:.0f} ({worst_performance['label']}), "
        f"{verdict(worst_performance['performance'] >= LIGHTHOUSE_TARGETS['performance'])}",
        f"- cumulative layout shift at most {LIGHTHOUSE_TARGETS['cls']} on every page: largest "
        f"{worst_cls['cls']:.3f} ({worst_cls['label']}), {verdict(worst_cls['cls'] <= LIGHTHOUSE_TARGETS['cls'])}",
        accessibility,
        "",
        LIGHTHOUSE_HOW,
    ]


def lighthouse_version() -> str:
    package = LIGHTHOUSE_DIR / "node_modules" / "lighthouse" / "package.json"
    return json.loads(package.read_text(encoding="utf-8"))["version"] if package.exists() else "(not installed)"


def replace_lighthouse_section(readme: Path, lines: list[str]) -> None:
    """Puts the Lighthouse section into an existing README, in place of its old one or before ## Machine."""
    text = readme.read_text(encoding="utf-8") if readme.exists() else "# Build benchmark\n\n"
    section = "\n".join(lines) + "\n"
    start = text.find("## Lighthouse on a phone\n")
    if start >= 0:
        end = text.find("\n## ", start + 1)
        text = text[:start] + section + (text[end + 1:] if end >= 0 else "")
    elif "## Machine\n" in text:
        at = text.index("## Machine\n")
        text = text[:at] + section + text[at:]
    else:
        text += "\n" + section
    readme.write_text(text, encoding="utf-8")


# --- the run ----------------------------------------------------------------------------------

def machine() -> list[str]:
    cpu = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = "unknown"
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kb = int(meminfo.read_text().split("MemTotal:", 1)[1].split()[0])
        memory = f"{kb / 1024 / 1024:.1f} GiB"
    packages = ", ".join(f"{name} {metadata.version(name)}" for name in
                         ("mkdocs", "mkdocs-material", "Markdown", "pymdown-extensions",
                          "Jinja2", "PyYAML", "pydantic", "markdown-it-py"))
    libyaml = "with" if getattr(yaml, "__with_libyaml__", False) else "without"
    return [
        f"- CPUs: {os.cpu_count()} (`nproc`), {cpu}",
        f"- Memory: {memory}",
        f"- Python {platform.python_version()} on {platform.system()} {platform.release()}",
        f"- Packages: {packages} (PyYAML {libyaml} libyaml)",
    ]


def kb(n: float) -> str:
    return f"{n / 1024:,.1f}"


def row(label: str, r: dict) -> str:
    plain = f"{r['plain_wall']:.1f} | {r['ratio']:.2f}" if "plain_wall" in r else " | "
    return (f"| {label} | {r['pages']:,} | {r['wall']:.1f} | {plain} | {r['peak_kb'] / 1024:.0f} "
            f"| {kb(r['mean_html'])} | {kb(r['max_html'])} | {kb(r['search_index'])} "
            f"| {r['site_bytes'] / 1024 / 1024:.1f} |")


def first_council(site: Path) -> str:
    return sorted(p.parent.parent.name for p in site.glob("*/graduated-approach/index.html"))[0]


def search_rows(results: dict) -> list[str]:
    rows = ["| site | searched from | search index fetched, all five searches (KB) | first search: last key to results (ms) "
            "| first search: first key to results (ms) | later searches: median (ms) | later searches: slowest (ms) |",
            "|---|---|---:|---:|---:|---:|---:|"]
    for key, label in (("real", "the real authorities/"), (max(k for k in results if isinstance(k, int)), None)):
        if key not in results:
            continue
        r = results[key]
        council = first_council(r["site"])
        r["latency"] = {}
        for where, start in (("the home page", ""), (f"{council}'s funding page", f"{council}/funding/")):
            latency = search_latency(r["site"], start)
            r["latency"][where] = latency
            rows.append(f"| {label or f'{key} synthetic councils'} | {where} | {kb(latency['loaded'])} | {latency['first_ms']:.0f} "
                        f"| {latency['first_key_to_results_ms']:.0f} | {latency['warm_median_ms']:.0f} "
                        f"| {latency['warm_max_ms']:.0f} |")
            print(rows[-1], flush=True)
    return rows


def benchmark(root: Path, sizes: list[int], repeat: int, work: Path, single: str | None) -> tuple[list[str], dict]:
    rows = ["| councils | pages | build (s) | plain Material (s) | ours / plain | peak memory (MB) "
            "| mean HTML per page (KB) | max HTML per page (KB) | search index (KB) | whole site (MB) |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    results: dict = {}
    for n in sizes:
        authorities = work / f"authorities-{n}"
        write_authorities(authorities, n)
        env = {"LOCAL_OFFER_AUTHORITIES_DIR": str(authorities), "LOCAL_OFFER_AUTHORITY": ""}
        site = work / f"site-{n}"
        ours = timed_builds(root, site, env, repeat)
        stats = site_stats(site)

        docs = work / f"plain-docs-{n}"
        subprocess.run([sys.executable, str(Path(__file__).resolve()), "--capture", str(root), str(docs),
                        str(work / f"capture-site-{n}")], env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
                       check=True, capture_output=True, text=True)
        config = plain_config(root, docs, work / f"plain-{n}.yml")
        plain = timed_builds(root, work / f"plain-site-{n}", {}, repeat, config)
        ratio = ours["wall"] / plain["wall"]
        results[n] = {**ours, **stats, "plain_wall": plain["wall"], "ratio": ratio}
        results[n]["site"] = site
        rows.append(row(f"{n} (synthetic)", results[n]))
        print(rows[-1], flush=True)

    # The real councils in authorities/, all together and one on its own.
    real = root / "authorities"
    real_count = len(list(real.glob("*.yaml")))
    if real_count:
        site = work / "site-real"
        measured = run_build(root, site, {"LOCAL_OFFER_AUTHORITIES_DIR": str(real), "LOCAL_OFFER_AUTHORITY": ""})
        results["real"] = {**measured, **site_stats(site), "site": site}
        rows.append(row(f"{real_count} (the real authorities/)", results["real"]))
        print(rows[-1], flush=True)
    if single and (real / f"{single}.yaml").exists():
        directory, label = real, f"1: {single} alone (real data)"
    else:
        directory = work / f"authorities-{sizes[-1]}"
        single = sorted(p.stem for p in directory.glob("*.yaml"))[0]
        label = f"1: {single} alone (synthetic)"
    site = work / "site-single"
    measured = run_build(root, site, {"LOCAL_OFFER_AUTHORITIES_DIR": str(directory), "LOCAL_OFFER_AUTHORITY": single})
    results["single"] = {**measured, **site_stats(site)}
    rows.append(row(label, results["single"]))
    print(rows[-1], flush=True)
    return rows, results


def quality_lines(root: Path, results: dict) -> list[str]:
    """Search quality on the real site, typed into the box in Chromium (scripts/search_report.py)."""
    from search_report import HELD_OUT, QUESTIONS, rates, score

    if "real" not in results:
        return []
    lines = []
    for name, on, outcomes in score(results["real"]["site"], "pagefind", [QUESTIONS, HELD_OUT], 0):
        top1, top3 = rates(outcomes)
        met = top1 >= TARGETS["search_top1"] and top3 >= TARGETS["search_top3"]
        lines.append(f"- search answers parents' questions in the top 3 at least {TARGETS['search_top3']:.0%} and "
                     f"first at least {TARGETS['search_top1']:.0%}, the {len(outcomes)} in tests/{name}, asked on {on}: "
                     f"top-3 {top3:.0%}, top-1 {top1:.0%}, {'met' if met else '**missed**'}")
    return lines


def reading_lines(results: dict) -> list[str]:
    """Reading age of every page of the real site (scripts/readability.py)."""
    from readability import measure

    if "real" not in results:
        return []
    rows, _quoted = measure(results["real"]["site"])  # the site's own words; the quotes are the councils'
    median = statistics.median(r["age"] for r in rows)
    hardest = max(rows, key=lambda r: r["age"])
    above = [r["page"] for r in rows if r["age"] > TARGETS["reading_age_max"]]
    return [f"- reading age, median at most {TARGETS['reading_age_median']:.0f}: {median:.1f} over {len(rows)} pages, "
            f"{'met' if median <= TARGETS['reading_age_median'] else '**missed**'}",
            f"- reading age of every page at most {TARGETS['reading_age_max']:.0f}: the hardest is {hardest['page']} at "
            f"{hardest['age']:.1f}, " + ("met" if not above else f"**missed** ({len(above)} pages above)")]


def target_lines(results: dict) -> list[str]:
    def verdict(ok: bool) -> str:
        return "met" if ok else "**missed**"

    synthetic = {k: r for k, r in results.items() if isinstance(k, int)}
    lines = []
    if 150 in synthetic:
        wall = synthetic[150]["wall"]
        lines.append(f"- 150 councils build in under {TARGETS['build_150_s']:.0f} s: {wall:.1f} s on {os.cpu_count()} "
                     f"CPUs, {verdict(wall < TARGETS['build_150_s'])}")
    if 150 in synthetic:
        ratio = synthetic[150]["ratio"]
        smaller = ", ".join(f"{n} councils {r['ratio']:.2f} x" for n, r in synthetic.items() if n != 150)
        lines.append(f"- 150 councils build in at most {TARGETS['ratio_to_plain']} x plain Material's time: "
                     f"{ratio:.2f} x, {verdict(ratio <= TARGETS['ratio_to_plain'])}"
                     + (f" (smaller sites, where MkDocs' own start-up weighs more: {smaller})" if smaller else ""))
    worst_mean = max(r["mean_html"] for r in results.values())
    lines.append(f"- mean HTML per page under {TARGETS['mean_html_kb']:.0f} KB: at most {kb(worst_mean)} KB, "
                 f"{verdict(worst_mean / 1024 < TARGETS['mean_html_kb'])}")
    if 150 in synthetic:
        size = synthetic[150]["site_bytes"] / 1024 / 1024
        lines.append(f"- the whole site at 150 councils at most {TARGETS['site_150_mb']:.0f} MB on disk: {size:.1f} MB "
                     f"(of which the search index {synthetic[150]['search_index'] / 1024 / 1024:.1f} MB), "
                     f"{verdict(size <= TARGETS['site_150_mb'])}")
    for key, r in results.items():
        for where, latency in (r.get("latency") or {}).items() if isinstance(r, dict) else ():
            name = "the real site" if key == "real" else f"{key} councils"
            slowest = max(latency["first_ms"], latency["warm_max_ms"])
            lines.append(f"- search results within {TARGETS['search_ms']:.0f} ms of the last key, {name}, from "
                         f"{where}: first search {latency['first_ms']:.0f} ms, later searches at most "
                         f"{latency['warm_max_ms']:.0f} ms, {verdict(slowest <= TARGETS['search_ms'])}")
    return lines


SEARCH_QUALITY_WHY = """\
## Search: what was tried

`scripts/search_report.py --engines` types every question into the search box in Chromium, on the
same pages, with Pagefind and with the theme's own search (Material's lunr index); its table is in
`benchmarks/search-engines.md`. Pagefind ships because it ranks better and its index is cut
into pieces a search fetches as it needs them, so the home-made split index (48 MB at 150 councils)
is gone. What lifted Pagefind from its plain ranking (top-1 73%, top-3 84% on the tuned list from
the home page) to the figures above, each measured with the report: the page kinds' weights
(`data-pagefind-weight`); the guides for every council counted three times on the home page when
a question names no council; a council's name, or the first word of a longer one, read as a
filter; each way councils write a word (SENCO and SENDCO); words that say how a question is asked
left out; "how long" read as weeks; pages where the words stand side by side counted up to twice;
a council whose name is an everyday word (Reading) counted less when the word is used as a word;
"must", like "should", read as a word of the question, not of the answer; words one word apart
counted as side by side, since a question's little words are not asked ("Assess, Plan, Do,
Review"); a question about each or every council counting the compare page three times, and that
page saying in words what it compares. Tried and dropped: Pagefind's ranking options (page length, term frequency, saturation and
similarity), each no better or worse.
"""


BUILD_WHY = """\
## What the build time is made of

Pagefind reads every finished page after MkDocs has written it: about 1.5 s of the 150-council
build (`python -m pagefind` on the built site, timed on its own). The rest is MkDocs, the theme and
our hooks: 150 councils' pages, each statement's quote checked against its council's source pages,
the open data and the page policy. Two changes took the 150-council build from 18.3 s to the figure
above (`--profile 150` shows where the time goes): the check for hidden characters in every line
of every authority file now finds ASCII control characters with one regular expression and looks
up only the characters beyond ASCII (it was a sixth of the build), and the theme's search plugin,
which stays only because the theme draws its search button with it, no longer indexes every page
for an index that was then deleted. Plain Material still makes that index, which is why our build
can be the quicker of the two.
"""


def write_readme(rows: list[str], searches: list[str], targets: list[str], repeat: int, root: Path,
                 lighthouse_section: list[str] = ()) -> None:
    text = "\n".join([
        "# Build benchmark",
        "",
        "Regenerated by `.venv/bin/python scripts/benchmark.py`; do not edit by hand.",
        "",
        f"Measured on {date.today():%-d %B %Y}. The synthetic rows build that many synthetic but valid councils "
        "(`scripts/synthetic.py`: 3 to 8 stages, 0 to 10 FAQs, 1 to 4 contacts, some sections left out) "
        "with `mkdocs build --strict` in a fresh process. *Plain Material* builds the same pages, as the "
        "content they had once our hooks and macros had run, with the same theme, features and extensions but no hooks "
        "or macros plugin. Times are the wall time of the whole `mkdocs build` command"
        + (f", the median of {repeat} runs" if repeat > 1 else "") + "; peak memory is the build process's "
        "maximum resident set size. One council's site is built with `LOCAL_OFFER_AUTHORITY`.",
        "",
        *rows,
        "",
        "## Search in the browser",
        "",
        f"Chromium (headless) on the site served by `python -m http.server`: press `/`, type a query at "
        f"{TYPING_DELAY_MS} ms a key, and time from the last key press to the results of the whole query "
        "(`performance.now()` in the page; the results list says which search it answers). The first search is "
        "typed as soon as the page has loaded, before any of the index has been fetched; later searches ("
        + ", ".join(f"\"{q}\"" for q in SEARCHES[1:]) + ") are on the same page. The search waits 80 ms after "
        "a key before it asks, so a quick typist's every key does not start a search; that wait is counted.",
        "",
        *searches,
        "",
        "## Targets",
        "",
        *targets,
        "",
        BUILD_WHY, SEARCH_QUALITY_WHY,
        *lighthouse_section,
        "## Machine",
        "",
        *machine(),
        "",
    ])
    (root / "benchmarks").mkdir(exist_ok=True)
    (root / "benchmarks" / "README.md").write_text(text, encoding="utf-8")


def profile(root: Path, n: int, work: Path) -> None:
    authorities = work / f"authorities-{n}"
    write_authorities(authorities, n)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "LOCAL_OFFER_AUTHORITIES_DIR": str(authorities),
           "LOCAL_OFFER_AUTHORITY": ""}
    stats_file = work / "build.prof"
    subprocess.run([sys.executable, "-m", "cProfile", "-o", str(stats_file), "-m", "mkdocs", "build", "--strict",
                    "--quiet", "--site-dir", str(work / "site")], cwd=root, env=env, check=True)
    stats = pstats.Stats(str(stats_file))
    stats.sort_stats("cumulative").print_stats(40)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 50, 150])
    parser.add_argument("--repeat", type=int, default=1, help="builds per measurement; the median time is kept")
    parser.add_argument("--root", type=Path, default=PROJECT, help="the project checkout to measure")
    parser.add_argument("--single", default="trafford", help="the council for the one-council row")
    parser.add_argument("--profile", type=int, metavar="N", help="profile one build of N councils instead")
    parser.add_argument("--no-browser", action="store_true", help="skip the search timings and Lighthouse in Chromium")
    parser.add_argument("--lighthouse-only", action="store_true",
                        help="only Lighthouse's phone scores of the real site; rewrites that section of the README")
    parser.add_argument("--keep", type=Path, help="keep the generated files and sites in this folder")
    parser.add_argument("--capture", nargs=3, metavar=("ROOT", "OUT", "SITE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.capture:
        capture_markdown(Path(args.capture[0]), Path(args.capture[1]), Path(args.capture[2]))
        return
    root = args.root.resolve()
    work = args.keep.resolve() if args.keep else Path(tempfile.mkdtemp(prefix="local-offer-benchmark-"))
    try:
        if args.profile:
            profile(root, args.profile, work)
            return
        if args.lighthouse_only:
            site = work / "site-real"
            run_build(root, site, {"LOCAL_OFFER_AUTHORITIES_DIR": str(root / "authorities"), "LOCAL_OFFER_AUTHORITY": ""})
            section = lighthouse_lines(lighthouse(site, args.single, work))
            print("\n".join(["", *section]))
            if root == PROJECT:
                replace_lighthouse_section(root / "benchmarks" / "README.md", section)
                print(f"\nwrote the Lighthouse section of {root / 'benchmarks' / 'README.md'}")
            return
        rows, results = benchmark(root, sorted(args.sizes), args.repeat, work, args.single)
        searches = [] if args.no_browser else search_rows(results)
        targets = target_lines(results) + ([] if args.no_browser else quality_lines(root, results)) \
            + reading_lines(results)
        section = [] if args.no_browser or "real" not in results else \
            lighthouse_lines(lighthouse(results["real"]["site"], args.single, work))
        print("\n".join(["", *rows, "", *searches, "", *targets, "", *section]))
        if sorted(args.sizes) == [5, 50, 150] and root == PROJECT and not args.no_browser:
            write_readme(rows, searches, targets, args.repeat, root, section)
            print(f"\nwrote {root / 'benchmarks' / 'README.md'}")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
