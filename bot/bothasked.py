"""Two facts asked at once: "外国人の人数と国籍の数、両方教えて", "昼間人口と、住民登録上の人口をそれぞれ教えて".

Each fact is another entry's, so the whole question explains half of each and neither reaches the accept line. When
a message joins two things with と and asks for both (それぞれ, 両方, どちらも), each is read as a question of its
own; two different entries answering them answer together, as a comparison's two sides do (bot.responses).
"""

from __future__ import annotations

import re

# "XとY(を)、それぞれ/両方/どちらも…": each side a few words, no sentence end inside.
# Not a part of the first ("職員の総数と、そのうち女性が何人か": of them), nor a side ending in と ("中と外とどっちも"),
# nor とか (or such: "福祉とか教育に").
BOTH = re.compile(r"(?P<first>[^、,。？?！!\s]{2,24}?)と[、,\s]*(?!その|うち|か)(?P<second>[^、,。？?！!\s]{2,24}?)(?<!と)"
                  r"(?:を|は|って)?[、,\s]*(?:それぞれ|両方|りょうほう|どちらも|どっちも|ともに|二つとも|2つとも)")


def both_asked(text: str) -> tuple[str, str] | None:
    """Return the two questions a message asks at once ("外国人の人数 教えて", "国籍の数 教えて"), or None.

    What follows the marker is asked of each ("…、それぞれの家賃は？": the rent of each).
    """
    found = BOTH.search(text)
    if found is None:
        return None
    asked = text[found.end():]
    return found.group("first") + asked, found.group("second") + asked
