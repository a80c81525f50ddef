"""Vendor pinned npm packages into the source tree (run at development time only; nothing is fetched at
run time, and no page loads anything from a CDN).

    python scripts/vendor_npm.py            # fetch, verify and write every pin below
    python scripts/vendor_npm.py --check    # verify the pins and that the vendored files are up to date

Each pin names a package, its exact version and the registry's ``sha512`` integrity of its tarball. The
script runs ``npm pack NAME@VERSION`` (the ordinary npm client and registry) in a temporary folder, checks
the tarball against the integrity, and writes the files the pin lists, each with the package's licence
beside it. A pin may transform a file on the way (``build``).

Pins:

- ``world-atlas@2.0.2`` (ISC, Mike Bostock): Natural Earth 1:50m admin-0 countries as TopoJSON (Natural
  Earth is public domain). Written to ``src/eventwire/data/world/countries-50m.json`` with each country's
  ISO 3166-1 alpha-3 code added (``properties.iso3``, from its numeric id with pycountry; Kosovo ``KOS``
  as in PLOVER), the rest of the topology unchanged. The web UI's map decodes it (``web/static/map.js``).

The web UI's own scripts use no npm package: the charts, the map and the network layout are our code.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORLD = ROOT / "src" / "eventwire" / "data" / "world"


def _iso3(numeric: str | None, name: str) -> str | None:
    import pycountry

    if name == "Kosovo":
        return "KOS"
    if numeric is None:
        return None
    found = pycountry.countries.get(numeric=numeric.zfill(3))
    return found.alpha_3 if found else None


def build_world(data: bytes) -> bytes:
    """countries-50m.json with ``properties.iso3`` on each country (compact JSON, otherwise unchanged)."""
    topology = json.loads(data)
    for geometry in topology["objects"]["countries"]["geometries"]:
        props = geometry.setdefault("properties", {})
        props["iso3"] = _iso3(geometry.get("id"), props.get("name", ""))
    return json.dumps(topology, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


@dataclass(frozen=True)
class Pin:
    name: str
    version: str
    integrity: str  # the registry's dist.integrity of the tarball
    files: dict[str, Path]  # path inside the package -> where it goes
    build: dict[str, Callable[[bytes], bytes]] = field(default_factory=dict)


PINS = (
    Pin("world-atlas", "2.0.2",
        "sha512-IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ==",
        {"countries-50m.json": WORLD / "countries-50m.json", "LICENSE": WORLD / "LICENSE-world-atlas.txt"},
        {"countries-50m.json": build_world}),
)


def fetch(pin: Pin, work: Path) -> dict[str, bytes]:
    """The pinned files of ``pin``, from a tarball whose integrity was checked."""
    if shutil.which("npm") is None:
        sys.exit("vendor_npm: npm is needed (Debian: apt-get install -y npm)")
    done = subprocess.run(["npm", "pack", f"{pin.name}@{pin.version}", "--json", "--silent"], cwd=work,
                          capture_output=True, text=True, check=True)
    tarball = work / json.loads(done.stdout)[0]["filename"]
    digest = "sha512-" + base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()
    if digest != pin.integrity:
        sys.exit(f"vendor_npm: {pin.name}@{pin.version}: integrity {digest} is not the pinned {pin.integrity}")
    out: dict[str, bytes] = {}
    with tarfile.open(tarball) as tar:
        for inner in pin.files:
            member = tar.extractfile(f"package/{inner}")
            if member is None:
                sys.exit(f"vendor_npm: {pin.name}@{pin.version} has no {inner}")
            data = member.read()
            out[inner] = pin.build[inner](data) if inner in pin.build else data
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="verify only; exit 1 if a vendored file differs")
    args = parser.parse_args()
    stale = 0
    with tempfile.TemporaryDirectory() as tmp:
        for pin in PINS:
            for inner, data in fetch(pin, Path(tmp)).items():
                target = pin.files[inner]
                same = target.exists() and target.read_bytes() == data
                if args.check:
                    stale += not same
                    print(f"{pin.name}@{pin.version} {inner} -> {target.relative_to(ROOT)}: "
                          f"{'up to date' if same else 'DIFFERS'}")
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
                print(f"{pin.name}@{pin.version} {inner} -> {target.relative_to(ROOT)} ({len(data):,} bytes)")
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
