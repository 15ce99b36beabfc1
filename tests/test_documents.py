"""The repository cites only what it holds: every Markdown document a file names (README.md,
docs/task-api.md#protocol, a link) exists in the repository, with the section named; no file points
at a path outside it (a folder of the machine it was written on, a sibling checkout)."""

from __future__ import annotations

import os
import re
import subprocess

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

URL = re.compile(r"\b[a-z][a-z0-9+.-]*://\S+")
# A Markdown file named in any text, with or without a #section: a bare name, a relative or an absolute path.
MARKDOWN_MENTION = re.compile(r"(?<![\w.~/-])((?:~|/|\.\.?/)?(?:[\w.-]+/)*[\w.-]*\w\.md)(?:#([\w-]+))?(?![\w-])")
# Absolute paths into people's or machines' work folders: never part of a checkout elsewhere.
# (System paths such as /usr/bin/python3 or /dev/null are the same on every machine.)
WORK_FOLDER = re.compile(r"(?<![\w.~/-])/(?:work|home|Users)/[^\s\"'`)\]]*(?<![.,;:])")
# A relative path that climbs: it must not leave the repository from where it is written.
CLIMBING_PATH = re.compile(r"(?<![\w.~/-])(?:\.\./)+[\w.-]+(?:/[\w.-]+)*(?<![.,;:])")
# Folders of build and run output, never part of the repository (as .gitignore says).
NOT_THE_REPOSITORY = {".git", ".venv", ".pytest_cache", ".ruff_cache", ".qgis-settings", "__pycache__",
                      "demo-output", "dist", "qgis-output", "output"}


def repository_files(root: str) -> list[str]:
    """The repository's files, relative to `root`: what git tracks or would add; without git, the
    folder's files less the output folders."""
    try:
        listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                                cwd=root, capture_output=True, timeout=60)
    except OSError:
        listed = None
    if listed is not None and listed.returncode == 0:
        names = [name for name in listed.stdout.decode("utf-8").split("\0") if name]
        return [name for name in names if os.path.isfile(os.path.join(root, name))]
    found = []
    for folder, folders, files in os.walk(root):
        folders[:] = [name for name in folders if name not in NOT_THE_REPOSITORY]
        found += [os.path.relpath(os.path.join(folder, name), root) for name in files]
    return found


def heading_anchors(path: str) -> set[str]:
    """The anchors of a Markdown file's headings, as GitHub makes them: lower case, punctuation
    dropped but for - and _, spaces as -."""
    anchors = set()
    with open(path, encoding="utf-8") as stream:
        for line in stream:
            heading = re.match(r"#{1,6}\s+(.*?)\s*#*\s*$", line)
            if heading:
                text = re.sub(r"[^\w\- ]", "", heading.group(1).lower())
                anchors.add(text.replace(" ", "-"))
    return anchors


def _inside(root: str, path: str) -> bool:
    path = os.path.realpath(path)
    return path == root or path.startswith(root + os.sep)


def document_problems(root: str, files: list[str]) -> list[str]:
    """`file:line: what` for each document a file names that the repository does not hold. A path is
    read from the file's folder or from the root; a bare name (a layout listing's) is any file so named."""
    root = os.path.realpath(root)
    names = {os.path.basename(name) for name in files}
    problems = []
    for name in sorted(files):
        try:
            with open(os.path.join(root, name), encoding="utf-8") as stream:
                text = stream.read()
        except (UnicodeDecodeError, OSError):
            continue  # pictures and other binary files name nothing
        here = os.path.dirname(os.path.join(root, name))
        for number, line in enumerate(text.splitlines(), 1):
            line = URL.sub(" ", line)
            where = f"{name}:{number}"
            reported: list[tuple[int, int]] = []
            for mention in MARKDOWN_MENTION.finditer(line):
                target, anchor = mention.group(1), mention.group(2)
                if target.startswith(("/", "~")):
                    problems.append(f"{where}: {target} is a path outside the repository")
                    reported.append(mention.span())
                    continue
                candidates = [os.path.join(here, target), os.path.join(root, target)]
                found = next((path for path in candidates if _inside(root, path) and os.path.isfile(path)), None)
                if found is None and "/" not in target and target in names:
                    found = os.path.join(root, next(file for file in files if os.path.basename(file) == target))
                if found is None:
                    problems.append(f"{where}: {target} is not in the repository")
                elif anchor and anchor not in heading_anchors(found):
                    problems.append(f"{where}: {target} has no section #{anchor}")
            for path in WORK_FOLDER.finditer(line):
                if not any(start <= path.start() < end for start, end in reported):
                    problems.append(f"{where}: {path.group()} is a path outside the repository")
            for path in CLIMBING_PATH.findall(line):
                if not _inside(root, os.path.join(here, path)):
                    problems.append(f"{where}: {path} leads out of the repository")
    return problems


def test_every_document_the_repository_names_is_in_it():
    files = repository_files(ROOT)
    assert "docs/task-api.md" in files and "tests/test_documents.py" in files
    assert document_problems(ROOT, files) == []


# Built from pieces, so that this file does not itself name what the checks must find.
MD = ".md"
GUIDE = "docs/guide" + MD
MISSING = "DESIGN" + MD
ELSEWHERE = "/" + "work/shared/API" + MD
HOME_FILE = "/" + "home/someone/plan.txt"
SIBLING = "/".join(["..", "..", "shared", "tools", "qgis-session"])


def _tree(tmp_path, module_text: str) -> list[str]:
    """A repository of a guide (two sections), a README and a module saying `module_text`."""
    (tmp_path / "docs").mkdir()
    (tmp_path / GUIDE).write_text("# Guide\n\n## The `lbe` protocol: 1\n", encoding="utf-8")
    (tmp_path / ("README" + MD)).write_text("The guide.\n", encoding="utf-8")
    (tmp_path / "core").mkdir()
    (tmp_path / "core" / "module.py").write_text(f'"""{module_text}"""\n', encoding="utf-8")
    return [GUIDE, "README" + MD, "core/module.py"]


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        (f"see {MISSING} section 3.", f"{MISSING} is not in the repository"),
        (f"as ``{ELSEWHERE}`` says.", f"{ELSEWHERE} is a path outside the repository"),
        (f"notes in {HOME_FILE}.", f"{HOME_FILE} is a path outside the repository"),
        (f"run {SIBLING}.", f"{SIBLING} leads out of the repository"),
        (f"({GUIDE}#nowhere)", f"{GUIDE} has no section #nowhere"),
        (f"[guide](../docs/absent{MD})", f"../docs/absent{MD} is not in the repository"),
    ],
)
def test_the_check_finds_a_document_the_repository_does_not_hold(tmp_path, line, problem):
    files = _tree(tmp_path, line)
    assert document_problems(str(tmp_path), files) == [f"core/module.py:1: {problem}"]


def test_the_check_accepts_what_the_repository_holds(tmp_path):
    text = (f"As [the guide]({GUIDE}#the-lbe-protocol-1), {GUIDE}#guide and README{MD} say; ../README{MD}\n"
            f"from here; guide{MD} in a listing; /usr/bin/python3; https://example.org/other/API{MD};\n"
            f"the \"{MD}\" suffix; tests/a/../b; ../core/module.py.")
    files = _tree(tmp_path, text)
    assert document_problems(str(tmp_path), files) == []
