"""The README's quick start and HR steps, as a new user runs them: a fresh venv, `pip install .` (not -e).

Run on its own with: python -m pytest -m quickstart   (about a minute: it installs the package)
The venv sees the system's site-packages and installs with --no-deps --no-build-isolation, so it needs no
internet; the package itself is a real, non-editable install into the venv's site-packages.
"""

from __future__ import annotations

import json
import os
import shutil
import re
import signal
import site
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from typing import Callable, Iterator

import pytest

from ports import free_port

pytestmark = pytest.mark.quickstart

REPO = Path(__file__).resolve().parents[1]
PARAPHRASE = "区の持っているマンションに入れますか？"  # a new way to ask about staff housing (refused before the edit)
DEADLINE = 60.0  # generous, for a loaded machine; how long it really took is printed


class _Lines:
    """Collects a child process's standard error on a thread."""

    def __init__(self, stream) -> None:  # type: ignore[no-untyped-def]
        self.text = ""
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream) -> None:  # type: ignore[no-untyped-def]
        for line in iter(stream.readline, b""):
            self.text += line.decode("utf-8", "replace")


def wait_for(predicate: Callable[[], object], what: str, deadline: float = DEADLINE) -> float:
    """Poll until predicate() is truthy; return the seconds it took; fail after the deadline."""
    started = time.monotonic()
    while not predicate():
        if time.monotonic() - started > deadline:
            raise AssertionError(f"{what}: still not after {deadline}s")
        time.sleep(0.1)
    return time.monotonic() - started


_UNTRACKED = shutil.ignore_patterns(".git", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache", ".env", ".venv")


def _not_in_a_clone(directory: str, names: list[str]) -> set[str]:
    # As .gitignore says: the checkout's own /data (local databases) stays behind, bot/data (package data) does not.
    return set(_UNTRACKED(directory, names)) | ({"data"} if Path(directory) == REPO else set())


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Return (a checkout copied like `git clone`, the minato-bot command of a fresh venv holding `pip install .`)."""
    root = tmp_path_factory.mktemp("quickstart")
    checkout = root / "minato-bot"
    shutil.copytree(REPO, checkout, ignore=_not_in_a_clone)
    venv = root / "venv"
    # Without a pip of its own (ensurepip costs seconds of CPU): the venv's Python runs this Python's pip, seen
    # through the .pth below, and pip installs into the venv whose Python runs it, as the venv's own pip would.
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    _see_dependencies_of_this_python(venv)
    pip = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--no-deps", *_build_options(venv),
                          "-q", "."], cwd=checkout, capture_output=True, text=True)
    if pip.returncode and ("Could not find a version" in pip.stderr or "NewConnectionError" in pip.stderr):
        pytest.skip("pip install . needs setuptools>=70.1 (or wheel) to build, and PyPI is not reachable")
    assert pip.returncode == 0, pip.stderr
    command = venv / "bin" / "minato-bot"
    where = subprocess.run([str(venv / "bin" / "python"), "-c", "import bot, minato_knowledge; "
                            "print(bot.__file__, list(minato_knowledge.__path__)[0])"],
                           cwd=root, capture_output=True, text=True, check=True).stdout
    assert str(venv) in where and str(checkout) not in where and str(REPO) not in where  # not editable
    return checkout, command


def _see_dependencies_of_this_python(venv: Path) -> None:
    # The dependencies are installed where this test runs (a venv in CI, or the system); the new venv reads them
    # through a .pth file. Paths in a .pth do not run that directory's own .pth files, so an editable install of
    # the project there stays invisible and the venv's own `pip install .` is what it imports.
    site_dir = next((venv / "lib").glob("python*/site-packages"))
    (site_dir / "_parent_dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")


def _build_options(venv: Path) -> list[str]:
    """Build offline with the setuptools the venv sees when it can make wheels; else as pip does (PyPI or cache)."""
    probe = subprocess.run([str(venv / "bin" / "python"), "-c", "import setuptools, sys; "
                            "sys.exit(0 if tuple(map(int, setuptools.__version__.split('.')[:2])) >= (70, 1) "
                            "else __import__('wheel') and 0)"], capture_output=True)
    return ["--no-build-isolation"] if probe.returncode == 0 else []


def minato(command: Path, *args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(command), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def ask(port: int, question: str) -> dict[str, object]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/ask", method="POST",
                                     data=json.dumps({"question": question}).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@pytest.fixture
def served(installed: tuple[Path, Path], tmp_path: Path) -> Iterator[tuple[Path, Path, dict[str, str], int, _Lines]]:
    """Run `minato-bot serve` from the checkout, as the quick start does; stop it with SIGTERM."""
    checkout, command = installed
    port = free_port()
    env = {"PATH": f"{command.parent}:/usr/bin:/bin", "MINATO_PORT": str(port), "HOME": str(tmp_path),
           "MINATO_DB": str(tmp_path / "minato-bot.db"), "MINATO_RATE_LIMIT_PER_MINUTE": "100000"}  # polls /api/ask
    server = subprocess.Popen([str(command), "serve"], cwd=checkout, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE)
    log = _Lines(server.stderr)
    try:
        wait_for(lambda: healthy(port) or server.poll() is not None, "the server answers /healthz")
        assert server.poll() is None, log.text
        yield checkout, command, env, port, log
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


LOG_RECORD = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ [A-Z]+ ")


def test_readme_hr_steps_after_the_quick_start(served: tuple[Path, Path, dict[str, str], int, _Lines]) -> None:
    checkout, command, env, port, log = served
    knowledge = checkout / "knowledge"
    # Every command says first which knowledge it uses: here the checkout's, not the copy in site-packages.
    said = [line for line in log.text.splitlines() if not LOG_RECORD.match(line)]  # not the logging module's lines
    assert said[0].startswith(f"knowledge: {knowledge.resolve()} (version "), log.text
    assert ask(port, PARAPHRASE).get("entry_id") != "housing-staff"

    # 1. Edit: add a paraphrase to the staff-housing entry.
    welfare = knowledge / "welfare.yaml"
    good = welfare.read_text(encoding="utf-8")
    assert "        - 職員住宅はありますか？\n" in good
    edited = good.replace("        - 職員住宅はありますか？\n", f"        - 職員住宅はありますか？\n        - {PARAPHRASE}\n", 1)
    welfare.write_text(edited, encoding="utf-8")
    written = time.monotonic()
    # The running bot answers the new paraphrase, without a restart.
    wait_for(lambda: ask(port, PARAPHRASE).get("entry_id") == "housing-staff", "the paraphrase is answered")
    print(f"\nquick start: the added paraphrase answered {time.monotonic() - written:.1f}s after the save")
    # 2. Check, 3. Test: with no argument, they look at what the bot loads.
    check = minato(command, "kb", "check", cwd=checkout, env=env)
    assert check.returncode == 0 and check.stdout.startswith("ok:"), check.stderr
    assert check.stderr.splitlines()[0].startswith(f"knowledge: {knowledge.resolve()} ")
    tested = minato(command, "kb", "test", cwd=checkout, env=env)
    assert tested.returncode == 0 and " 0 failed" in tested.stdout, tested.stdout[-2000:]
    assert "added" not in log.text.split("knowledge reloaded")[-1].splitlines()[0]
    assert "edited: housing-staff" in log.text

    # A YAML mistake: reported once, with file:line, by kb check and by the server; the bot keeps answering.
    welfare.write_text(edited.replace("    category: welfare\n", "    category: welfare: x\n", 1), encoding="utf-8")
    broken = minato(command, "kb", "check", cwd=checkout, env=env)
    problems = [line for line in broken.stderr.splitlines() if ".yaml:" in line]
    assert broken.returncode == 1 and len(problems) == 1, broken.stderr
    assert problems[0].startswith(f"{knowledge.resolve()}/welfare.yaml:4: bad YAML")
    wait_for(lambda: "knowledge edit rejected" in log.text, "the server logs the rejected edit")
    rejected = [line for line in log.text.splitlines() if "knowledge edit rejected" in line]
    # Once per watcher: `serve` runs a worker per core, and each worker and the engine process beside it watch the
    # knowledge themselves (how many have logged when the first line shows depends on the machine's load).
    assert len(rejected) <= 2 * (os.cpu_count() or 1) and "welfare.yaml:4: bad YAML" in rejected[0], rejected
    assert len({line.split(" ERROR ", 1)[-1] for line in rejected}) == 1, rejected
    # Every worker watches the knowledge itself: one that looked only after the broken edit keeps the knowledge it had.
    wait_for(lambda: ask(port, PARAPHRASE).get("entry_id") == "housing-staff", "the last good knowledge answers")
    assert ask(port, "食堂はありますか？").get("entry_id") == "cafeteria"
    welfare.write_text(good, encoding="utf-8")  # leave the checkout as it was


def test_outside_a_checkout_kb_init_makes_the_editable_knowledge(installed: tuple[Path, Path], tmp_path: Path) -> None:
    _, command = installed
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "MINATO_DB": str(tmp_path / "log.db")}
    before = minato(command, "kb", "check", cwd=tmp_path, env=env)
    assert before.returncode == 0 and "site-packages" in before.stderr.splitlines()[0]
    assert "minato-bot kb init" in before.stderr.splitlines()[0]
    init = minato(command, "kb", "init", cwd=tmp_path, env=env)
    assert init.returncode == 0, init.stderr
    after = minato(command, "kb", "check", cwd=tmp_path, env=env)
    assert after.stderr.splitlines()[0].startswith(f"knowledge: {(tmp_path / 'knowledge').resolve()} (version ")
    assert after.returncode == 0 and os.path.isfile(tmp_path / "knowledge" / "scope.yaml")
