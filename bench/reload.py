"""Measure how soon a saved knowledge edit answers on a watching bot, with the default reload settings.

Run: python bench/reload.py [--rounds 5]

Each round adds a new paraphrase to a copy of the bundled knowledge and asks it until the bot answers it
from the edit; prints the seconds from the save to the first such answer (p50 and max), and the settings.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bot.config import Settings, bundled_knowledge_dir
from bot.service import Answerer, Question

LINE = "        - 職員住宅はありますか？\n"


def one_round(answerer: Answerer, welfare: Path, number: int) -> float:
    """Save an edit with a new paraphrase; return the seconds until it is answered from the edit."""
    paraphrase = f"職員が住める部屋は{number}号棟にありますか？"
    text = welfare.read_text(encoding="utf-8")
    welfare.write_text(text.replace(LINE, f"{LINE}        - {paraphrase}\n", 1), encoding="utf-8")
    saved = time.monotonic()
    while answerer.kb.entry("housing-staff") is None or \
            paraphrase not in answerer.kb.by_id["housing-staff"].questions["ja"]:
        time.sleep(0.01)
    elapsed = time.monotonic() - saved
    assert answerer.answer(Question(paraphrase)).entry_id == "housing-staff"
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds
    with tempfile.TemporaryDirectory() as scratch:
        directory = Path(scratch) / "knowledge"
        shutil.copytree(bundled_knowledge_dir(), directory, ignore=shutil.ignore_patterns("__pycache__"))
        settings = Settings(kb_dir=directory, db_path=Path(scratch) / "log.db")
        answerer = Answerer.from_settings(settings, with_log=False, watch=True)
        try:
            times = [one_round(answerer, directory / "welfare.yaml", n) for n in range(rounds)]
        finally:
            answerer.close()
    print(f"reload every {settings.reload_seconds:g}s, settle {settings.reload_settle_seconds:g}s: "
          f"save -> answered p50 {statistics.median(times):.2f}s, max {max(times):.2f}s over {rounds} edits")


if __name__ == "__main__":
    main()
