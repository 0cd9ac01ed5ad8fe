#!/usr/bin/env python3
"""The GitHub Actions example installs what the build of unres requires.

Input: the source tree (argument 1).  It reads examples/github-actions/unres.yml, the packages
it installs (its `apt-get install` lines and the `scripts/install-deps.sh ARGS` it runs, whose list
`install-deps.sh --list ARGS` prints) and the requirements of the top-level CMakeLists.txt
(find_package, pkg_check_modules, plus cmake, the C++ compiler and make).  Each requirement is
mapped to the Debian package that provides its file here (`dpkg -S`), and must be among the
installed packages or their dependencies (Depends and Pre-Depends, from the dpkg database).
Offline: only dpkg's own database is read.  Exit 0 when everything is covered, 1 with the list of
what is not.  The check is not vacuous: it also verifies that the list without libzip-dev is
reported as incomplete.
"""
import glob
import os
import re
import shlex
import shutil
import subprocess
import sys

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WORKFLOW = os.path.join(ROOT, "examples/github-actions/unres.yml")
CMAKELISTS = os.path.join(ROOT, "CMakeLists.txt")
DEPS = os.path.join(ROOT, "scripts/install-deps.sh")


def sh(args):
    return subprocess.run(args, capture_output=True, text=True)


def workflow_packages():
    """The packages the workflow installs, and the line of its first cmake configure."""
    lines = open(WORKFLOW, encoding="utf-8").read().splitlines()
    pkgs, configure_at, deps_at = set(), None, None
    # Join continued lines ("\\" at the end).
    joined, buf, start = [], "", 0
    for i, l in enumerate(lines):
        if not buf:
            start = i
        buf += l.rstrip("\\") + " "
        if not l.rstrip().endswith("\\"):
            joined.append((start, buf))
            buf = ""
    for i, l in joined:
        l = re.sub(r"^\s*(-\s*)?(run:\s*)?", "", l.split(" #")[0])
        if configure_at is None and re.search(r"\bcmake\s+-S\b", l):
            configure_at = i
        m = re.search(r"\bapt-get\s+install\b(.*)", l)
        if m:
            pkgs.update(w for w in shlex.split(m.group(1)) if not w.startswith("-"))
        m = re.search(r"(\S*scripts/install-deps\.sh)((?:\s+[\w-]+)*)", l)
        if m:
            deps_at = i if deps_at is None else deps_at
            args = m.group(2).split()
            out = sh(["sh", DEPS, "--list"] + args)
            if out.returncode != 0:
                sys.exit(f"install-deps.sh --list {' '.join(args)} failed: {out.stderr}")
            pkgs.update(out.stdout.split())
    return pkgs, configure_at, deps_at


def owner(path):
    """The Debian package that installed `path` (or its real path), or None."""
    for p in (path, os.path.realpath(path)):
        out = sh(["dpkg", "-S", p])
        if out.returncode == 0:
            return out.stdout.split(":")[0].strip()
    return None


def requirements():
    """(what, package) for every requirement of the build; package None when unknown."""
    text = open(CMAKELISTS, encoding="utf-8").read()
    text = re.sub(r"#[^\n]*", "", text)
    reqs = []
    for name, args in re.findall(r"find_package\(\s*(\w+)([^)]*)\)", text):
        if name == "PkgConfig":
            exe = shutil.which("pkg-config")
            reqs.append(("find_package(PkgConfig): pkg-config", owner(exe) if exe else None))
            continue
        if "CONFIG" not in args.split():
            reqs.append((f"find_package({name}) in module mode: not handled by this check", None))
            continue
        found = None
        for pattern in ("/usr/lib/*/cmake/*/", "/usr/lib/cmake/*/", "/usr/share/cmake/*/", "/usr/share/*/cmake/"):
            for d in glob.glob(pattern):
                for f in (f"{name}Config.cmake", f"{name.lower()}-config.cmake", f"{name}-config.cmake"):
                    if os.path.exists(d + f):
                        found = found or owner(d + f)
        reqs.append((f"find_package({name})", found))
    for args in re.findall(r"pkg_check_modules\(([^)]*)\)", text):
        words = args.split()[1:]
        keywords = {"REQUIRED", "QUIET", "IMPORTED_TARGET", "GLOBAL", "NO_CMAKE_PATH", "NO_CMAKE_ENVIRONMENT_PATH"}
        for mod in (w for w in words if w not in keywords):
            mod = re.split(r"[<>=]", mod)[0]
            out = sh(["pkg-config", "--variable=pcfiledir", mod])
            pc = os.path.join(out.stdout.strip(), mod + ".pc") if out.returncode == 0 else None
            reqs.append((f"pkg_check_modules: {mod}", owner(pc) if pc else None))
    for tool in ("cmake", "c++", "make"):
        exe = shutil.which(tool)
        reqs.append((f"the build tool {tool}", owner(exe) if exe else None))
    return list(dict.fromkeys(reqs))


def closure(pkgs):
    seen, todo = set(), list(pkgs)
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        out = sh(["dpkg-query", "-W", "-f=${Depends}, ${Pre-Depends}", p])
        if out.returncode != 0:
            continue
        for dep in out.stdout.split(","):
            for alt in dep.split("|"):
                name = alt.strip().split(" ")[0].split(":")[0]
                if name:
                    todo.append(name)
    return seen


def uncovered(pkgs, reqs):
    have = closure(pkgs)
    return [(what, pkg) for what, pkg in reqs if pkg is None or pkg not in have]


def main():
    pkgs, configure_at, deps_at = workflow_packages()
    problems = []
    if configure_at is None:
        problems.append("the workflow never configures unres (no `cmake -S`)")
    if deps_at is None or (configure_at is not None and deps_at > configure_at):
        problems.append("the workflow does not run scripts/install-deps.sh before configuring")
    reqs = requirements()
    for what, pkg in uncovered(pkgs, reqs):
        problems.append(f"{what}: provided by {pkg or 'an unknown package'}, which the workflow does not install")
    # Not vacuous: without libzip-dev, libzip is missing.
    if not any("libzip" in what for what, _ in uncovered(pkgs - {"libzip-dev"}, reqs)):
        problems.append("the check did not notice libzip-dev missing from a reduced list")
    print(f"workflow installs {len(pkgs)} packages: {' '.join(sorted(pkgs))}")
    for what, pkg in reqs:
        print(f"  {what}: {pkg}")
    for p in problems:
        print("FAIL: " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
