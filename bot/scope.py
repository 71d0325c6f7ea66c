"""The bot's own words and the edges of its knowledge (scope.yaml), and synonym groups (synonyms.yaml)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.yamlsource import LineDict, Problem, line_of

LANGS = ("ja", "en")
EASY = "easy"  # やさしい日本語: optional in scope.yaml; Scope.message and the replies fall back to ja without it
MESSAGE_NAMES = ("welcome", "help", "fallback", "clarify", "invalid", "slow_down", "language")
# Every section is required (an empty list is fine): a file cut short by a save in progress or a bad copy then
# fails validation instead of going live without its rejection rules.
SCOPE_SECTIONS = ("messages", "smalltalk", "home_places", "other_places", "stopwords", "example_questions",
                  "must_not_answer", "detail_questions", "categories", "menu")
SCOPE_KEYS = set(SCOPE_SECTIONS)

DEFAULT_MESSAGES: dict[str, dict[str, str]] = {
    "welcome": {"ja": "港区職員採用についてのご質問にお答えします。", "en": "Ask me about working for Minato City.",
                "easy": "港区（みなとく）の職員（しょくいん）の仕事（しごと）について、質問（しつもん）に答（こた）えます。"},
    "help": {"ja": "質問を入力してください。", "en": "Type your question.", "easy": "質問（しつもん）を書（か）いてください。"},
    "fallback": {
        "ja": "申し訳ありません。その質問には説明会の資料からお答えできません。港区職員採用案内をご覧ください。",
        "en": "Sorry, the briefing does not answer that. Please see Minato City's official recruitment guide.",
        "easy": "ごめんなさい。説明会（せつめいかい）の資料（しりょう）では、この質問（しつもん）に答（こた）えることができません。"
                "「港区職員採用案内（みなとくしょくいんさいようあんない）」を見（み）てください。",
    },
    "clarify": {"ja": "もしかして、次のどれかですか？", "en": "Did you mean one of these?",
                "easy": "次（つぎ）の中（なか）に、知（し）りたいことがありますか？"},
    "invalid": {"ja": "質問を文章で入力してください。", "en": "Please type your question in words.",
                "easy": "質問（しつもん）を、文（ぶん）で書（か）いてください。"},
    "slow_down": {
        "ja": "質問が続いています。少し時間をおいてから、もう一度お試しください。",
        "en": "You're sending questions very quickly. Please wait a moment and try again.",
        "easy": "質問（しつもん）が多（おお）すぎます。少（すこ）し待（ま）ってから、もう一度（いちど）質問してください。",
    },
    # The reply to "英語で" / "in English" when there is no previous answer to repeat in that language.
    "language": {"ja": "日本語でお答えします。ご質問をどうぞ。", "en": "I'll answer in English. What would you like to know?",
                 "easy": "やさしい 日本語（にほんご）で 答（こた）えます。質問（しつもん）を どうぞ。"},
}


@dataclass(frozen=True)
class SmallTalk:
    """A short friendly exchange: greetings, thanks, help."""

    name: str
    patterns: tuple[str, ...]
    answer: dict[str, str]


@dataclass(frozen=True)
class DetailQuestion:
    """A kind of detail (a price, a clock time) that only an answer holding it can give."""

    name: str
    cues: tuple[str, ...]
    answered_by: tuple[str, ...]
    route_only: bool = False  # `route: true`: prefer an entry holding it, but never refuse for want of one
    strict: bool = False  # `route: strict`: prefer an entry holding it, and refuse when no close entry does
    # `route: follow-up`: read in follow-ups only ("どこ？" after an answer asks a place of it; a question of its own,
    # "採用情報はどこで見られる？", asks no place, so it is not routed by it)
    follow_up_only: bool = False


@dataclass(frozen=True)
class Scope:
    """Messages, small talk, place names and stop words."""

    messages: dict[str, dict[str, str]] = field(default_factory=lambda: dict(DEFAULT_MESSAGES))
    smalltalk: tuple[SmallTalk, ...] = ()
    home_places: tuple[str, ...] = ()
    other_places: tuple[str, ...] = ()
    stopwords: tuple[str, ...] = ()
    example_questions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    must_not_answer: tuple[str, ...] = ()
    detail_questions: tuple[DetailQuestion, ...] = ()
    categories: tuple[str, ...] = ()  # the entries' known categories (none: not checked)
    menu: tuple[str, ...] = ()  # entry ids offered as topics (Telegram /start and /menu)
    menu_line: int = 1  # where scope.yaml lists them, for problems about an unknown id

    def message(self, name: str, lang: str) -> str:
        """Return one of the bot's own messages in a language."""
        texts = self.messages.get(name) or DEFAULT_MESSAGES[name]
        return texts.get(lang) or texts.get("ja") or ""


def parse_scope(data: Any, name: str, problems: list[Problem]) -> Scope:
    """Build a Scope from scope.yaml's converted value, reporting problems."""
    if not isinstance(data, LineDict):
        problems.append(Problem(name, line_of(data, 1), "expected a mapping (messages, smalltalk, ...)"))
        return Scope()
    for key in data:
        if key not in SCOPE_KEYS:
            problems.append(Problem(name, data.key_lines[key], f"unknown key '{key}' (allowed: {', '.join(sorted(SCOPE_KEYS))})"))
    missing = [key for key in SCOPE_SECTIONS if key not in data]
    if missing:
        problems.append(Problem(name, data.end_line or 1, f"missing section(s) {', '.join(missing)}: every section is "
                                "required (an empty list [] is fine); was the file cut short?"))
    return Scope(
        messages=_messages(data, name, problems),
        smalltalk=_smalltalk(data, name, problems),
        home_places=_words(data, "home_places", name, problems),
        other_places=_words(data, "other_places", name, problems),
        stopwords=_words(data, "stopwords", name, problems),
        example_questions=_examples(data, name, problems),
        must_not_answer=_words(data, "must_not_answer", name, problems),
        detail_questions=_details(data, name, problems),
        categories=_words(data, "categories", name, problems),
        menu=_words(data, "menu", name, problems),
        menu_line=data.key_lines.get("menu", 1),
    )


def _messages(data: LineDict, name: str, problems: list[Problem]) -> dict[str, dict[str, str]]:
    messages = dict(DEFAULT_MESSAGES)
    value = data.get("messages")
    if value is None:
        return messages
    if not isinstance(value, LineDict):
        problems.append(Problem(name, data.key_lines["messages"], "'messages' must be a mapping"))
        return messages
    for key, texts in value.items():
        line = value.key_lines[key]
        if key not in MESSAGE_NAMES:
            problems.append(Problem(name, line, f"unknown message '{key}' (allowed: {', '.join(MESSAGE_NAMES)})"))
        elif _is_bilingual(texts):
            messages[key] = _texts(texts, messages.get(key, {}))
        else:
            problems.append(Problem(name, line, f"message '{key}' needs 'ja' and 'en' text"))
    return messages


def _smalltalk(data: LineDict, name: str, problems: list[Problem]) -> tuple[SmallTalk, ...]:
    value = data.get("smalltalk") or []
    if not isinstance(value, list):
        problems.append(Problem(name, data.key_lines["smalltalk"], "'smalltalk' must be a list"))
        return ()
    result = []
    for index, item in enumerate(value):
        line = value.item_lines[index]
        ok = isinstance(item, LineDict) and isinstance(item.get("patterns"), list) and _is_bilingual(item.get("answer"))
        if not ok:
            problems.append(Problem(name, line, "a smalltalk item needs 'name', a 'patterns' list and an 'answer' with ja and en"))
            continue
        answer = _texts(item["answer"], {})
        patterns = tuple(str(p).strip() for p in item["patterns"] if str(p).strip())
        result.append(SmallTalk(str(item.get("name", f"smalltalk-{index}")), patterns, answer))
    return tuple(result)


def _words(data: LineDict, key: str, name: str, problems: list[Problem]) -> tuple[str, ...]:
    value = data.get(key)
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(w, (str, int)) for w in value):
        problems.append(Problem(name, data.key_lines[key], f"'{key}' must be a list of words"))
        return ()
    return tuple(str(w).strip() for w in value if str(w).strip())


def _examples(data: LineDict, name: str, problems: list[Problem]) -> dict[str, tuple[str, ...]]:
    value = data.get("example_questions")
    if value is None:
        return {}
    if not isinstance(value, LineDict):
        problems.append(Problem(name, data.key_lines["example_questions"], "'example_questions' needs 'ja' and 'en' lists"))
        return {}
    return {lang: _words(value, lang, name, problems) for lang in LANGS if lang in value}


def _details(data: LineDict, name: str, problems: list[Problem]) -> tuple[DetailQuestion, ...]:
    value = data.get("detail_questions") or []
    if not isinstance(value, list):
        problems.append(Problem(name, data.key_lines["detail_questions"], "'detail_questions' must be a list"))
        return ()
    result = []
    for index, item in enumerate(value):
        if not isinstance(item, LineDict) or not {"name", "cues", "answered_by"} <= set(item):
            problems.append(Problem(name, value.item_lines[index], "a detail question needs 'name', 'cues' and 'answered_by'"))
            continue
        route = item.get("route", False)
        if route not in (True, False, "strict", "follow-up"):
            problems.append(Problem(name, item.key_lines["route"], "'route' must be true, false, strict or follow-up"))
        cues, answered_by = _words(item, "cues", name, problems), _words(item, "answered_by", name, problems)
        if cues and answered_by:
            result.append(DetailQuestion(str(item["name"]), cues, answered_by, route in (True, "strict", "follow-up"),
                                         strict=route == "strict", follow_up_only=route == "follow-up"))
    return tuple(result)


def _texts(value: dict[str, Any], defaults: dict[str, str]) -> dict[str, str]:
    # ja and en are required; easy is optional: without it a built-in easy text, or else ja, stands in.
    texts = {lang: str(value[lang]).strip() for lang in LANGS}
    easy = value.get(EASY)
    if isinstance(easy, str) and easy.strip():
        texts[EASY] = easy.strip()
    elif EASY in defaults and _same_ja(value, defaults):
        texts[EASY] = defaults[EASY]
    return texts


def _same_ja(value: dict[str, Any], defaults: dict[str, str]) -> bool:
    """Tell whether HR's ja text is the built-in one, so the built-in easy text still says the same."""
    return str(value.get("ja", "")).strip() == defaults.get("ja")


def _is_bilingual(value: Any) -> bool:
    return isinstance(value, dict) and all(isinstance(value.get(lang), str) and value[lang].strip() for lang in LANGS)


def parse_synonyms(data: Any, name: str, problems: list[Problem]) -> tuple[tuple[str, ...], ...]:
    """Read synonyms.yaml's groups of words that mean the same thing, reporting problems."""
    if not isinstance(data, LineDict) or not isinstance(data.get("synonyms"), list):
        problems.append(Problem(name, line_of(data, 1), "expected a top-level 'synonyms:' list of word lists"))
        return ()
    groups = data["synonyms"]
    result = []
    for index, group in enumerate(groups):
        line = groups.item_lines[index]
        words = [str(w).strip() for w in group] if isinstance(group, list) else []
        if len(words) < 2 or not all(words):
            problems.append(Problem(name, line, "a synonym group must be a list of two or more words"))
            continue
        result.append(tuple(words))
    return tuple(result)
