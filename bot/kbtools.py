"""HR's knowledge tools: confusable questions, example tests, and new entries scaffolded from missed questions."""

from __future__ import annotations

import re
from dataclasses import dataclass

import jaconv
import yaml

from bot.knowledge import Entry, KnowledgeBase
from bot.matching import Matcher
from bot.normalize import analyze, clean, detect_lang
from bot.service import Answerer, Question
from bot.yamlsource import Problem

TODO = "TODO"
NEAR_SCORE = 30.0  # a candidate this good is worth offering as `related`


def lint_knowledge(kb: KnowledgeBase, matcher: Matcher | None = None) -> list[Problem]:
    """Return warnings: entries whose own questions the matcher confuses, and TODOs left in."""
    return crossing_pairs(kb, matcher) + todo_problems(kb)


def crossing_pairs(kb: KnowledgeBase, matcher: Matcher | None = None) -> list[Problem]:
    """Warn once per (entry, other) pair where one of the entry's questions ranks the other first or ties with it."""
    matcher = matcher or Matcher(kb)
    margin = matcher.settings.clarify_margin
    found: dict[tuple[str, str], list[tuple[str, float, float]]] = {}
    for entry in kb.entries:
        for question in (q for qs in entry.questions.values() for q in qs):
            ranked = matcher.rank(question, limit=10)
            own = next((c.score for c in ranked if c.entry_id == entry.id), 0.0)
            rival = next((c for c in ranked if c.entry_id != entry.id), None)
            if rival is not None and rival.score > own - margin:
                found.setdefault((entry.id, rival.entry_id), []).append((question, own, rival.score))
    problems = []
    for (entry_id, other_id), cases in found.items():
        question, own, score = cases[0]
        how = "ranks it first" if score > own else f"ties with it (within {margin:g} points: the bot asks to clarify)"
        problems.append(_warning(kb.by_id[entry_id], f"entries '{entry_id}' and '{other_id}' cross: {len(cases)} "
                                 f"question(s) of '{entry_id}' match '{other_id}' as well, e.g. '{question}' "
                                 f"{how} ({score:.1f} vs {own:.1f}); reword them or add keywords"))
    return problems


def todo_problems(kb: KnowledgeBase) -> list[Problem]:
    """Warn about entries that still hold a scaffold's TODO."""
    return [_warning(e, f"entry '{e.id}' still has a {TODO}: replace it before publishing")
            for e in kb.entries if any(TODO in text for text in _texts(e))]


def _texts(entry: Entry) -> list[str]:
    return [*entry.title.values(), *entry.answer.values(), *(q for qs in entry.questions.values() for q in qs)]


def _warning(entry: Entry, message: str) -> Problem:
    return entry.problem(message, warning=True)


@dataclass(frozen=True)
class CaseResult:
    """One example question and how the bot routed it."""

    question: str
    expected: str  # an entry id, or "no answer"
    got: str  # "answer entry-id", "fallback", "clarify", ...
    score: float
    passed: bool
    where: str  # file:line to fix


def run_examples(kb: KnowledgeBase) -> list[CaseResult]:
    """Ask every `examples:` question (must reach its entry) and every `must_not_answer` (must not be answered)."""
    answerer = Answerer(kb)  # no question log: tests are not candidates
    results = []
    for entry in kb.entries:
        for text in entry.examples:
            reply = answerer.answer(Question(text, channel="kb-test"))
            got = f"answer {reply.entry_id}" if reply.matched else reply.kind
            passed = reply.matched and reply.entry_id == entry.id
            results.append(CaseResult(text, entry.id, got, reply.score, passed, entry.source))
    for text in kb.scope.must_not_answer:
        reply = answerer.answer(Question(text, channel="kb-test"))
        got = f"answer {reply.entry_id}" if reply.matched else reply.kind
        results.append(CaseResult(text, "no answer", got, reply.score, not reply.matched, "scope.yaml"))
    return results


def scaffold_entry(kb: KnowledgeBase, questions: list[str], entry_id: str | None = None,
                   category: str | None = None) -> str:
    """Return YAML for a new entry answering these questions, to paste under `entries:`."""
    questions = list(dict.fromkeys(q.strip() for q in questions if q.strip()))
    if not questions:
        raise ValueError("give at least one question")
    near = [c for c in Matcher(kb).rank(questions[0], limit=3) if c.score >= NEAR_SCORE]
    known = kb.scope.categories
    category = str(category or (kb.by_id[near[0].entry_id].category if near else (known[0] if known else "faq")))
    entry_id = entry_id or new_id(kb, questions, category)
    by_lang = {lang: [q for q in questions if (detect_lang(q) or "ja") == lang] or [TODO] for lang in ("ja", "en")}
    entry: dict[str, object] = {
        "id": entry_id,
        "category": category,
        "title": {"ja": TODO, "en": TODO},
        "questions": by_lang,
        "keywords": _keywords(kb, questions),
        "answer": {"ja": TODO, "en": TODO, "easy": TODO},
    }
    if near:
        entry["related"] = [c.entry_id for c in near[:2]]
    entry["examples"] = questions[:1]
    body = yaml.dump([entry], Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False,
                     width=1000)
    header = (f"# New entry for: {questions[0]}\n"
              f"# Paste under `entries:` in a {category} file of the knowledge directory, replace every {TODO}\n"
              "# (title <= 20 characters; answers only from the briefing, or pointing to the official guide),\n"
              "# then run: minato-bot kb check && minato-bot kb test\n"
              + (f"# category: one of {', '.join(known)}\n" if known else ""))
    return header + "".join(f"  {line}\n" for line in body.splitlines())


def already_answered(kb: KnowledgeBase, question: str) -> str:
    """Return a warning when the bot already answers (or asks to clarify) a question, naming entries and scores."""
    result = Matcher(kb).match(question)
    best = result.best
    if result.kind == "answer" and best is not None:
        entry = kb.by_id[best.entry_id]
        return (f"warning: the bot already answers '{question}' with entry '{best.entry_id}' "
                f"({entry.title.get('ja', '')}, score {best.score:.1f}, {entry.source}): add the question to that "
                "entry's questions instead, or see why with `minato-bot kb explain`")
    if result.kind == "clarify":
        choices = ", ".join(f"'{c.entry_id}' (score {c.score:.1f})" for c in result.candidates[:3])
        return f"warning: the bot asks '{question}' to clarify between {choices}: maybe reword one of those entries"
    return ""


def new_id(kb: KnowledgeBase, questions: list[str], category: str) -> str:
    """Return an unused id made from the first question's words (Japanese words by their romaji reading)."""
    words = _id_words(kb, questions[0]) if questions else []
    base = "-".join(words)[:40].strip("-") or f"{category}-new"
    candidate, number = base, 2
    while candidate in kb.by_id:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def _id_words(kb: KnowledgeBase, question: str) -> list[str]:
    skip = _STOP | _QUESTION_WORDS | {clean(w) for w in kb.scope.stopwords}
    words = []
    for token in analyze(question):
        if token.weak or token.surface in skip or token.lemma in skip:
            continue
        latin = token.surface.lower() if token.is_latin or token.pos == "latin" else \
            jaconv.kana2alphabet(jaconv.kata2hira(token.reading or token.surface))
        word = re.sub(r"[^a-z0-9]+", "", latin.lower())
        if word and word not in words:
            words.append(word)
    return words[:3]


def _keywords(kb: KnowledgeBase, questions: list[str]) -> list[str]:
    skip = _STOP | {clean(w) for w in kb.scope.stopwords}
    words = [t.surface for q in questions for t in analyze(q)
             if t.pos in {"名詞", "latin"} and len(t.surface) > 1 and t.surface not in skip and t.lemma not in skip]
    return list(dict.fromkeys(words))[:6]


class _Dumper(yaml.SafeDumper):
    """Indents lists under their key, as the knowledge files do."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


_QUESTION_WORDS = {"いくら", "幾ら", "何", "何色", "なに", "なん", "どこ", "いつ", "だれ", "誰", "どう", "どんな", "どの"}
_STOP = {"a", "an", "the", "is", "are", "do", "does", "i", "you", "what", "how", "when", "where", "can", "there",
         "of", "in", "at", "to", "for", "my", "me", "it", "be", "about", "much", "many", "any", "tell"}
