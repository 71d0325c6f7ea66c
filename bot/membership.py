"""Whether an item is among those a slide listed: "メリットに、教員の負担軽減って入ってないですよね？".

The question names the list (the pre-class merits) and an item to look for in it. The entry holding the list answers,
whether or not it names the item: an item it lacks (教員の負担軽減) is the very point of the question ("no, it is not
listed"), so the item's words must not count against that entry, nor pull the answer towards their own topic.
"""

from __future__ import annotations

import re

from bot.normalize import clean

# "<list>に、<item>って入ってる？", "<list>に<item>は挙がってた？": the item between the list's に and the verb.
# The list is one a slide shows (merits, points, places, examples, a slogan's words): "職員住宅に駐車場は入ってる？"
# asks what the housing has. Not 出て ("パネルに保健所の方が出ていた" names who appeared, which is asked about), and
# not "どの地区に入ってる" (no item between).
LISTS = ("メリット|ポイント|場所|ところ|とこ|例|地名|エリア|地域|紹介|写真|リスト|一覧|項目|件|つ|キャッチフレーズ|スローガン"
         "|言葉|理由|魅力|特徴|見どころ|名所")
ITEM_LISTED = re.compile(rf"(?:{LISTS})に[、,\s]*([^\s、,。？?！!]{{1,20}}?)(?:って(?:いうの|の)?|は|が|も)[はも]?\s*"
                         r"(入って|はいって|挙がって|あがって|含まれて|載って)")


def listed_item(text: str) -> str:
    """Return the item a question asks to find in a list, and the verb that asks it ("" when it asks no such thing):
    the verb (入って) names no topic there either."""
    found = ITEM_LISTED.search(clean(text))
    return f"{found.group(1)} {found.group(2)}" if found else ""
