"""Measure answer latency: bundled knowledge, synthetic bases of 1,000, 10,000 and 100,000 entries, cold start.

Run: python -m bench.latency [--sizes 1000 10000 100000] [--rounds 3]

For each knowledge base it prints, each beside a floor measured in the same run:
- the index build time (CPU seconds), against tokenizing every indexed text once with SudachiPy (the least any index does);
- the peak memory of a process that loads the base and builds its index, against one that only loads it;
- p50/p99 of Answerer.answer (no question log) over the labelled benchmark questions, against SudachiPy
  tokenizing the question plus one rapidfuzz extractOne over every paraphrase.
Each synthetic base is measured in a process of its own, so its peak memory is its own, with the CPU time of
loading its YAML against libyaml reading the files into events. Last, the time from process start to the first
answer on the bundled base, against a process that only loads the dictionary and tokenizes every indexed text once.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import yaml

from bot.analytics import QuestionLog
from bot.config import bundled_knowledge_dir
from bot.conversation import SqliteConversations
from bot.knowledge import KnowledgeBase, load_knowledge
from bot.service import Answerer, Question

QUESTIONS = Path(__file__).with_name("questions.yaml")
ENTRIES_PER_FILE = 500
KANA_HEAVY_SHARE = 0.3  # as in the bundled knowledge: questions written mostly in hiragana (しょくどうはある？)
UNINDEXED_LANGS = {"easy"}
FLOOR_SAMPLE_PARAPHRASES = 50_000  # beyond this many paraphrases the floor is measured on a sample of questions


def questions() -> list[str]:
    """Return the benchmark's question texts: the first set and the two with long, spoken and romaji messages."""
    return [str(item["q"]) for path in (QUESTIONS, *(QUESTIONS.with_name(f"voices-{x}.yaml") for x in "ab"))
            for item in yaml.safe_load(path.read_text(encoding="utf-8"))]


def _tokenizer():  # type: ignore[no-untyped-def]
    from sudachipy import Dictionary, SplitMode

    return Dictionary().tokenizer(mode=SplitMode.B)


def indexed_texts(kb: KnowledgeBase) -> list[str]:
    """Return every text the index reads: keywords, titles, questions and the ja/en answers."""
    texts: list[str] = []
    for entry in kb.entries:
        texts += entry.keywords + tuple(entry.title.values())
        texts += [q for qs in entry.questions.values() for q in qs]
        texts += [text for lang, text in entry.answer.items() if lang not in UNINDEXED_LANGS]
    return texts


def tokenize_floor(kb: KnowledgeBase) -> float:
    """Return seconds SudachiPy takes to tokenize every indexed text once."""
    tokenizer = _tokenizer()
    texts = indexed_texts(kb)
    started = time.process_time()
    for text in texts:
        tokenizer.tokenize(text[:400])
    return time.process_time() - started


def answer_floor(kb: KnowledgeBase, texts: list[str], rounds: int) -> tuple[float, float]:
    """Return (p50 ms, p99 ms) of the least a matcher does: tokenize the question, one fuzzy pass over paraphrases."""
    from rapidfuzz import fuzz, process

    tokenizer = _tokenizer()
    paraphrases = [q for entry in kb.entries for qs in entry.questions.values() for q in qs]
    texts = texts[::max(1, len(paraphrases) // FLOOR_SAMPLE_PARAPHRASES)]  # a pass over 700,000 takes 0.5 s
    samples = []
    for _ in range(rounds):
        for text in texts:
            started = time.perf_counter()
            tokenizer.tokenize(text)
            process.extractOne(text, paraphrases, scorer=fuzz.ratio)
            samples.append((time.perf_counter() - started) * 1000)
    return _p50_p99(samples)


def answer_times(answerer: Answerer, texts: list[str], rounds: int) -> tuple[float, float, float, float]:
    """Return (p50 ms, p99 ms) for answering the texts, each analyzed afresh, then the same in CPU time.

    The CPU times leave out the waits for a core that other processes cause on a shared machine.
    """
    for text in texts:  # warm caches once
        answerer.answer(Question(text))
    samples, cpu = [], []
    for _ in range(rounds):
        for text in texts:
            forget_analyses()  # every question is measured as if never seen: repeated ones are cheaper still
            started, started_cpu = time.perf_counter(), time.thread_time()
            answerer.answer(Question(text))
            samples.append((time.perf_counter() - started) * 1000)
            cpu.append((time.thread_time() - started_cpu) * 1000)
    return *_p50_p99(samples), *_p50_p99(cpu)


def conversation_times(kb: KnowledgeBase, texts: list[str], rounds: int) -> tuple[float, float]:
    """Return (p50 ms, p99 ms) with 20 users in turn, each question read against its user's last answer.

    The state is in SQLite and committed by the log's writer, as under `serve`.
    """
    with tempfile.TemporaryDirectory() as tmp:
        writer = QuestionLog(Path(tmp) / "log.db")
        store = SqliteConversations(writer.path, timedelta(minutes=10), submit=writer.submit)
        answerer = Answerer(kb, conversations=store)
        samples = []
        for _ in range(rounds):
            for number, text in enumerate(texts):
                forget_analyses()
                question = Question(text, channel="bench", user_id=f"user-{number % 20}")
                started = time.perf_counter()
                answerer.answer(question)
                samples.append((time.perf_counter() - started) * 1000)
        writer.close()
        store.close()
    return _p50_p99(samples)


def _p50_p99(samples: list[float]) -> tuple[float, float]:
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.99) - 1]


def forget_analyses() -> None:
    """Empty the analyzer's caches."""
    from bot.analyzer import morphemes
    from bot.normalize import analyze

    analyze.cache_clear()
    morphemes.cache_clear()


def synthetic_base(size: int, directory: Path, seed: int = 7) -> Path:
    """Write a knowledge dir of `size` entries made by recombining the bundled base's words.

    About KANA_HEAVY_SHARE of the Japanese questions are written in hiragana, as candidates type them.
    """
    from jaconv import kata2hira

    from bot.normalize import reading_of

    bundled = load_knowledge(bundled_knowledge_dir())
    words = sorted({w for e in bundled.entries for q in e.questions["ja"] for w in _words(q)})
    kana = {w: kata2hira(reading_of(w)) for w in words}
    english = sorted({w for e in bundled.entries for q in e.questions["en"] for w in q.lower().split()})
    rng = random.Random(seed)
    entries = []
    for index in range(size):
        ja = []
        for _ in range(4):
            picked = rng.sample(words, 3)
            heavy = rng.random() < KANA_HEAVY_SHARE
            ja.append("".join(kana[w] for w in picked) + f"は{index}？" if heavy else "".join(picked) + f"{index}？")
        en = [" ".join(rng.sample(english, 4)) + f" {index}?" for _ in range(3)]
        entries.append({
            "id": f"synthetic-{index}", "category": "synthetic",
            "title": {"ja": f"項目{index}", "en": f"Item {index}"},
            "questions": {"ja": ja, "en": en},
            "keywords": rng.sample(words, 3),
            "answer": {"ja": (answer := "".join(rng.sample(words, 8))), "en": " ".join(rng.sample(english, 12)),
                       "easy": answer},
        })
    directory.mkdir(parents=True, exist_ok=True)
    for start in range(0, len(entries), ENTRIES_PER_FILE):  # each file under the loader's 1 MB cap
        chunk = {"entries": entries[start:start + ENTRIES_PER_FILE]}
        (directory / f"synthetic-{start:06d}.yaml").write_text(yaml.safe_dump(chunk, allow_unicode=True), encoding="utf-8")
    return directory


def _words(text: str) -> list[str]:
    from bot.normalize import analyze

    return [t.surface for t in analyze(text) if not t.is_latin and len(t.surface) > 1]


def peak_mb() -> float:
    """Return this process's peak resident memory so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def resident_mb() -> float:
    """Return this process's resident memory now, in MB."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * resource.getpagesize() / 2**20


def measure(kb: KnowledgeBase, texts: list[str], rounds: int) -> dict[str, float]:
    """Return every figure for one knowledge base, measured in this process."""
    figures = {"entries": len(kb.entries), "loaded_mb": resident_mb()}
    started = time.process_time()  # CPU seconds: other processes on a shared machine do not count
    answerer = Answerer(kb)
    figures["build_s"] = time.process_time() - started
    figures["peak_mb"] = peak_mb()
    figures["p50_ms"], figures["p99_ms"], figures["cpu50_ms"], figures["cpu99_ms"] = answer_times(answerer, texts, rounds)
    figures["tokenize_s"] = tokenize_floor(kb)
    figures["floor50_ms"], figures["floor99_ms"] = answer_floor(kb, texts, rounds)
    return figures


def measure_directory(directory: Path, texts: list[str]) -> dict[str, float]:
    """Load a knowledge directory and measure it (in this process)."""
    started = time.process_time()
    kb = load_knowledge(directory)
    load_s = time.process_time() - started
    return measure(kb, texts, 1) | {"load_s": load_s, "load_floor_s": yaml_floor(directory)}


def yaml_floor(directory: Path) -> float:
    """Return CPU seconds libyaml takes to read every file of a knowledge directory into events (no values built)."""
    started = time.process_time()
    for path in sorted(directory.glob("*.yaml")):
        for _ in yaml.parse(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
            pass
    return time.process_time() - started


def report(name: str, f: dict[str, float]) -> str:
    """Return one base's figures as a line."""
    return (f"{name}: index {f['build_s']:.2f} s (tokenize floor {f['tokenize_s']:.2f} s, "
            f"{f['build_s'] / f['tokenize_s']:.1f}x); peak memory {f['peak_mb']:.0f} MB (knowledge loaded "
            f"{f['loaded_mb']:.0f} MB); p50 {f['p50_ms']:.3f} ms, p99 {f['p99_ms']:.3f} ms (floor p50 "
            f"{f['floor50_ms']:.3f} ms, p99 {f['floor99_ms']:.3f} ms; {f['p50_ms'] / f['floor50_ms']:.2f}x, "
            f"{f['p99_ms'] / f['floor99_ms']:.2f}x); CPU per answer p50 {f['cpu50_ms']:.3f} ms, p99 {f['cpu99_ms']:.3f} ms")


# As `minato-bot ask` and `serve` build their engine (settings, so the analyses cache of MINATO_CACHE_DIR), without
# the question log.
FIRST_ANSWER = ("from bot.config import bundled_knowledge_dir, load_settings\nfrom bot.service import Answerer, Question\n"
                "settings = load_settings(None)\n"
                "answerer = Answerer.from_settings(settings.__class__(**{**vars(settings), 'kb_dir': bundled_knowledge_dir()}),"
                " with_log=False)\nprint(answerer.answer(Question('食堂はありますか')).entry_id)\n")
# The least any first answer costs: start Python, load the knowledge and SudachiPy's dictionary, tokenize every
# indexed text once (nothing of the engine's index or matcher).
START_FLOOR = ("from sudachipy import Dictionary, SplitMode\nfrom bot.config import bundled_knowledge_dir\n"
               "from bot.knowledge import load_knowledge\nkb = load_knowledge(bundled_knowledge_dir())\n"
               "tokenizer = Dictionary().tokenizer(mode=SplitMode.B)\nfor entry in kb.entries:\n"
               "    for text in (*entry.keywords, *entry.title.values(), *(q for qs in entry.questions.values() for q in qs),"
               " entry.answer['ja'], entry.answer['en']):\n        tokenizer.tokenize(text[:400])\n")


def cold_start(code: str = FIRST_ANSWER, cache: Path | str = "off") -> tuple[float, float]:
    """Return (wall seconds, CPU seconds) from starting a Python process to the end of `code` (the first answer).

    With the modules' bytecode cached, as after `pip install` (which compiles it): PYTHONDONTWRITEBYTECODE, set in
    some development shells, would make every start compile the bot's modules again (a tenth of the start-up).
    `cache`: MINATO_CACHE_DIR (off: every text analysed).
    """
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    env["MINATO_CACHE_DIR"] = str(cache)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, cwd=Path(__file__).parent.parent, env=env)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000, 100000])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)  # measure one knowledge dir, print JSON
    args = parser.parse_args()
    texts = questions()
    if args.one:
        print(json.dumps(measure_directory(args.one, texts)))
        return
    bundled = measure(load_knowledge(bundled_knowledge_dir()), texts, args.rounds)
    print(report(f"bundled ({len(texts)} questions x {args.rounds}, load average {os.getloadavg()[0]:.1f})", bundled),
          flush=True)
    p50, p99 = conversation_times(load_knowledge(bundled_knowledge_dir()), texts, args.rounds)
    print(f"bundled, 20 users in conversation (state in SQLite): p50 {p50:.3f} ms, p99 {p99:.3f} ms", flush=True)
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:  # written here: the measuring process holds only what it loads
            child = subprocess.run([sys.executable, "-m", "bench.latency", "--one", str(synthetic_base(size, Path(tmp)))],
                                   check=True, capture_output=True, text=True, cwd=Path(__file__).parent.parent)
        figures = json.loads(child.stdout.splitlines()[-1])
        print(report(f"{size:>7,} entries", figures), flush=True)
        print(f"{size:>7,} entries: loading the YAML {figures['load_s']:.1f} s CPU, "
              f"{1000 * figures['load_s'] / size:.2f} ms per entry (floor, libyaml's events alone: "
              f"{figures['load_floor_s']:.1f} s, {figures['load_s'] / figures['load_floor_s']:.1f}x)", flush=True)
    print(start_up(), flush=True)


def start_up(rounds: int = 5) -> str:
    """Return the start-up figures: without the analyses cache, with it, and the floor (best of `rounds` each)."""
    with tempfile.TemporaryDirectory() as cache:
        cold_start(cache=cache)  # writes the bytecode of any module not compiled yet, and the analyses cache
        runs = [(cold_start(), cold_start(cache=cache), cold_start(START_FLOOR)) for _ in range(rounds)]
    best = [(min(run[kind][0] for run in runs), min(run[kind][1] for run in runs)) for kind in range(3)]
    return (f"process start to first answer (best of {rounds}, bytecode cached, load average "
            f"{os.getloadavg()[0]:.1f}): {best[0][0]:.2f} s wall, {best[0][1]:.2f} s CPU without the analyses cache; "
            f"{best[1][0]:.2f} s wall, {best[1][1]:.2f} s CPU with it (MINATO_CACHE_DIR kept from an earlier start); "
            f"floor (start Python, load the dictionary, tokenize every text once): {best[2][0]:.2f} s wall, "
            f"{best[2][1]:.2f} s CPU")


if __name__ == "__main__":
    main()
