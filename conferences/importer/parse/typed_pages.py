"""A conference website's sub-pages (FAQ, sponsorship, registration, speakers) as typed blocks.

Works on the plain blocks that page_blocks made, so the markdown is read one way only. A page is
mapped only where its structure is recognisable; whatever text is not part of the typed block
stays a paragraph or heading where it was, so nothing is lost. Each typed block carries the plain
blocks it replaced (`fallback`), for the writer to fall back on if the typed value is refused.
A page of one of these kinds that cannot be mapped is kept as it is, with a warning.
"""

import html
import re
from decimal import Decimal, InvalidOperation
from pathlib import PurePosixPath

from bs4 import BeautifulSoup, NavigableString, Tag
from django.utils.text import slugify

from ..errors import SourceWarning

CURRENCY_CODES = ("USD", "EUR", "GBP", "CAD", "AUD", "NZD", "CHF", "SEK", "NOK", "DKK", "ZAR", "MXN", "JPY")
UNAMBIGUOUS_SYMBOLS = {"£": "GBP", "€": "EUR", "US$": "USD", "C$": "CAD", "CA$": "CAD", "A$": "AUD", "NZ$": "NZD"}
CODES = "|".join(CURRENCY_CODES)
SYMBOL = r"US\$|CA?\$|A\$|NZ\$|[£€$]"
FIGURE = r"\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?"
AMOUNT = re.compile(rf"(?P<before>{SYMBOL}|\b(?:{CODES})\b)?\s*(?P<figure>{FIGURE})\s*(?P<after>\b(?:{CODES})\b)?")
FEE_ITEM = re.compile(rf"^(?P<category>[^£€$\d][^£€$]*?)\s*(?:[-–—:|]|\s)\s*(?P<amount>(?:{SYMBOL}|(?:{CODES})\b).*)$")
RATE_WORDS = re.compile(r"\b(conference|registration|early[\s-]*bird|standard|regular|general|release|rates?)\b", re.I)
EARLY = re.compile(r"early[\s-]*bird", re.I)
PLACEHOLDER_PHOTOS = ("icon-person",)
LOGO_PREFIX = re.compile(r"^\s*logo\s*[,:-]?\s*(of\s+)?", re.I)
ANCHOR_LENGTH = 80
SPLIT = "IASSISTFEESPLITX"


def page_kind(path):
    """faq, sponsors, registration, speakers or None, from the file's name (faq.md, sponsorship.md...)."""
    stem = PurePosixPath(path).stem.lower()
    for kind, words in (
        ("faq", ("faq", "frequently")),
        ("sponsors", ("sponsor",)),
        ("registration", ("registration",)),
        ("speakers", ("speaker", "keynote", "plenar")),
    ):
        if any(word in stem for word in words):
            return kind
    return None


def type_page(blocks, *, path, warnings):
    """The page's blocks with its recognisable part typed; unchanged, with a warning, when none is."""
    kind = page_kind(path)
    if kind is None:
        # Editors are to know which pages still need formatting by hand (committees, venue, workshops...).
        warnings.append(SourceWarning(path, "no typed blocks for this kind of page yet: kept as plain text"))
        return blocks
    typed = MAPPERS[kind](blocks, path, warnings)
    if typed is None:
        warnings.append(SourceWarning(path, f"a {kind} page whose structure was not recognised: kept as plain text"))
        return blocks
    return typed


# -- FAQ ------------------------------------------------------------------------


def _faq(blocks, path, warnings):
    """Questions are headings (or bold lines ending in "?") each followed by its answer."""
    pieces = list(_split_bold_questions(blocks))
    level = _question_level(pieces)
    questions, first, last = [], None, None
    index = 0
    while index < len(pieces):
        kind, value = pieces[index]
        answer, end = _answer_after(pieces, index + 1)
        if _is_question(kind, value, level) and answer:
            first = index if first is None else first
            questions.append({"question": _question_text(kind, value), "answer": answer})
            last = end
            index = end
        else:
            index += 1
    if not questions:
        return None
    _give_anchors(questions)
    # The fallback is only what the FAQ replaced: what it did not is kept beside it anyway.
    replaced = [piece for piece in pieces[first:last] if _is_question_or_answer(piece, level)]
    faq = ("faq", {"heading": "", "questions": questions, "fallback": replaced})
    kept = [piece for piece in pieces[first:last] if not _is_question_or_answer(piece, level)]
    if kept:
        warnings.append(SourceWarning(path, f"{len(kept)} block(s) between the questions moved after the FAQ"))
    faq[1]["fallback"] = _as_plain(faq[1]["fallback"])
    return _as_plain([*pieces[:first], faq, *kept, *pieces[last:]])


def _as_plain(pieces):
    """Bold questions that found no answer go back to being bold paragraphs."""
    return [("paragraph", f"<p><strong>{html.escape(value)}</strong></p>") if kind == "question" else (kind, value)
            for kind, value in pieces]  # fmt: skip


def _split_bold_questions(blocks):
    """A paragraph holding "<p><strong>Question?</strong></p><p>answer</p>" pairs, as heading/paragraph pieces."""
    for kind, value in blocks:
        if kind != "paragraph":
            yield kind, value
            continue
        soup = BeautifulSoup(value, "html.parser")
        parts, current = [], []
        for node in soup.contents:
            question = _bold_question(node)
            if question:
                if current:
                    parts.append(("paragraph", "".join(current)))
                    current = []
                parts.append(("question", question))
            else:
                current.append(str(node))
        if current:
            parts.append(("paragraph", "".join(current)))
        yield from parts


def _bold_question(node):
    if not isinstance(node, Tag) or node.name != "p":
        return ""
    meaningful = [child for child in node.contents if not (isinstance(child, NavigableString) and not child.strip())]
    if len(meaningful) != 1 or not isinstance(meaningful[0], Tag) or meaningful[0].name not in ("strong", "b"):
        return ""
    text = _collapse(meaningful[0].get_text())
    return text if text.endswith("?") else ""


def _question_level(pieces):
    """The heading level that most often has an answer under it: the questions' level."""
    counts = {}
    for index, (kind, value) in enumerate(pieces[:-1]):
        if kind == "heading" and pieces[index + 1][0] == "paragraph":
            counts[value["level"]] = counts.get(value["level"], 0) + 1
    return max(counts, key=lambda level: (counts[level], level)) if counts else None


def _is_question(kind, value, level):
    return kind == "question" or (kind == "heading" and value["level"] == level)


def _is_question_or_answer(piece, level):
    kind, value = piece
    return kind == "paragraph" or _is_question(kind, value, level)


def _question_text(kind, value):
    return (value if kind == "question" else value["text"])[:300]


def _answer_after(pieces, start):
    """The answer's HTML (the paragraphs that follow) and where it ends."""
    end = start
    while end < len(pieces) and pieces[end][0] == "paragraph":
        end += 1
    return "".join(value for _, value in pieces[start:end]), end


def _give_anchors(questions):
    used = set()
    for number, item in enumerate(questions, start=1):
        base = slugify(item["question"], allow_unicode=True)[:ANCHOR_LENGTH].strip("-") or f"question-{number}"
        anchor, suffix = base, 2
        while anchor in used:
            anchor = f"{base[: ANCHOR_LENGTH - 4]}-{suffix}"
            suffix += 1
        used.add(anchor)
        item["anchor"] = anchor


# -- sponsors -------------------------------------------------------------------


def _sponsors(blocks, path, warnings):
    """Tier headings, each followed by logos (an image, then a paragraph that is one link to the sponsor)."""
    tiers, first, last, index = [], None, None, 0
    while index < len(blocks):
        kind, value = blocks[index]
        sponsors, end = _logos_after(blocks, index + 1) if kind == "heading" else ([], index + 1)
        if sponsors:
            first = index if first is None else first
            tiers.append({"name": _tier_name(value["text"]), "sponsors": sponsors})
            last = index = end
        else:
            index += 1
    if not tiers:
        return None
    replaced = [block for block in blocks[first:last] if _part_of_tiers(block)]
    typed = ("sponsors", {"heading": "", "tiers": tiers, "fallback": replaced})
    kept = [block for block in blocks[first:last] if not _part_of_tiers(block)]
    return [*blocks[:first], typed, *kept, *blocks[last:]]


def _part_of_tiers(block):
    return block[0] in ("heading", "image") or _single_link(block) is not None


def _logos_after(blocks, start):
    sponsors, index = [], start
    while index < len(blocks) and blocks[index][0] == "image":
        image = blocks[index][1]
        link = _single_link(blocks[index + 1]) if index + 1 < len(blocks) else None
        if link:
            name, url = link
            index += 2
        elif image.get("link") and _logo_name(image.get("alt")):
            name, url = _logo_name(image["alt"]), image["link"]
            index += 1
        else:
            break
        sponsors.append({"name": name, "url": url, "logo": image["src"], "alt": _logo_name(image.get("alt")) or name})
    return sponsors, index


def _single_link(block):
    """(text, href) of a paragraph that is nothing but one link."""
    kind, value = block
    if kind != "paragraph":
        return None
    soup = BeautifulSoup(value, "html.parser")
    links = soup.find_all("a", href=True)
    if len(links) != 1 or _collapse(soup.get_text()) != _collapse(links[0].get_text()) or not links[0].get_text():
        return None
    return _collapse(links[0].get_text())[:200], links[0]["href"].strip()


def _logo_name(alt):
    return _collapse(LOGO_PREFIX.sub("", alt or "")).rstrip(".").strip()


def _tier_name(heading):
    return re.sub(r"\s+sponsors?$", "", heading.strip(), flags=re.I).strip()[:100] or heading[:100]


# -- registration ---------------------------------------------------------------


def _registration(blocks, path, warnings):
    """Fee lists or table rows ("Member - £360.00", "Member | £360 | £410") as one table of fees."""
    fees, written, out, replaced, position, early_context = {}, set(), [], [], None, False
    for kind, value in blocks:
        if kind == "heading":
            early_context = bool(EARLY.search(value["text"]))
        before, after, found, lines = _take_fees(value, early_context) if kind == "paragraph" else ("", "", [], "")
        if not found:
            out.append((kind, value))
            continue
        replaced.append(("paragraph", lines))
        if before:
            out.append(("paragraph", before))
        # The table goes where the first fee was; text around later fees follows it.
        position = len(out) if position is None else position
        if after:
            out.append(("paragraph", after))
        for category, rate, amount, currency in found:
            written.add(currency)
            row = fees.setdefault(category.casefold(), {"category": category, "early_bird": None, "regular": None})
            row[rate] = str(amount)
    if not fees:
        return None
    currency = _page_currency(written, blocks)
    if currency is None:
        warnings.append(SourceWarning(path, "the fees' currency could not be decided: the fee table kept as text"))
        return None
    typed = ("registration", {"heading": "", "currency": currency, "fees": list(fees.values()), "fallback": replaced})
    return [*out[:position], typed, *out[position:]]


def _page_currency(written, blocks):
    """The one currency the fees are in; a bare "$" is decided only by a single dollar code on the page."""
    codes = {code for code in written if code in CURRENCY_CODES}
    symbols = {UNAMBIGUOUS_SYMBOLS.get(code) for code in written if code not in CURRENCY_CODES}
    if "$" in written:
        text = " ".join(value for kind, value in blocks if kind == "paragraph")
        dollars = set(re.findall(r"\b(USD|CAD|AUD|NZD)\b", text))
        symbols = {code for code in symbols if code} | (dollars if len(dollars) == 1 else {None})
    decided = codes | symbols
    return decided.pop() if len(decided) == 1 and None not in decided else None


def _take_fees(html, early_context):
    """The paragraph's text before and after its fee lines, the fees [(category, rate, amount, currency)], and
    the fee lines' own markup (to fall back on)."""
    soup = BeautifulSoup(html, "html.parser")
    found, columns, lines = [], None, []
    for line in soup.find_all(["li", "p"]):
        text = _collapse(line.get_text())
        if " | " in text:
            cells = [cell.strip() for cell in text.split(" | ")]
            fees, columns = _table_row(cells, columns)
        else:
            fee = _fee(text, early_context)
            fees = [fee] if fee else []
        if fees or (columns and line.find("strong")):
            if not found and fees:
                _top_level(line).insert_before(SPLIT)
            found.extend(fees)
            lines.append(f"<ul>{line}</ul>" if line.name == "li" else str(line))
            line.decompose()
    for emptied in soup.find_all(["ul", "ol"]):
        if not emptied.find("li"):
            emptied.decompose()
    before, _, after = str(soup).partition(SPLIT)
    return _with_words(before), _with_words(after), found, "".join(lines)


def _with_words(html):
    return html if _collapse(BeautifulSoup(html, "html.parser").get_text()) else ""


def _top_level(tag):
    while tag.parent is not None and tag.parent.parent is not None:
        tag = tag.parent
    return tag


def _table_row(cells, columns):
    """A header row names the rate columns (["early_bird", "regular"]); a later row is a category and its rates."""
    rates = [_rate_column(cell) for cell in cells[1:]]
    if all(rates):
        return [], rates if len(set(rates)) == len(rates) else None
    if not columns or len(cells) != len(columns) + 1:
        return [], columns
    amounts = [_single_amount(cell) for cell in cells[1:]]
    if not all(amounts) or not cells[0]:
        return [], columns
    return [(cells[0][:120], rate, *amount) for rate, amount in zip(columns, amounts, strict=True)], columns


def _rate_column(header):
    if EARLY.search(header):
        return "early_bird"
    return "regular" if re.fullmatch(r"(regular|standard|general|full)( rate)?", header.strip(), re.I) else None


def _single_amount(text):
    amounts = list(AMOUNT.finditer(text))
    if len(amounts) != 1 or _collapse(text) != _collapse(amounts[0].group(0)):
        return None
    if not (amounts[0]["before"] or amounts[0]["after"]):
        return None
    try:
        amount = Decimal(amounts[0]["figure"].replace(",", ""))
    except InvalidOperation:
        return None
    return amount, _written_currency(amounts[0])


def _fee(text, early_context):
    """(category, rate, amount, currency) from "Early Bird: Member - £360.00"; None if not a fee line."""
    match = FEE_ITEM.match(text)
    amount = _single_amount(match["amount"]) if match else None
    if amount is None:
        return None
    category = match["category"].strip(" :-–—")
    early = early_context or bool(EARLY.search(category))
    head, _, tail = category.rpartition(":")
    if head and not RATE_WORDS.sub("", head).strip(" :-"):
        category = tail.strip()
    return category[:120], "early_bird" if early else "regular", *amount


def _written_currency(amount):
    """The code if one is written ("$50 USD"), else the symbol."""
    for written in (amount["after"], amount["before"]):
        if written in CURRENCY_CODES:
            return written
    return amount["before"]


# -- speakers -------------------------------------------------------------------


def _speakers(blocks, path, warnings):
    """A photo, then a paragraph that starts with the speaker's name in bold and goes on with their bio."""
    out, speakers, position, replaced, index = [], [], None, [], 0
    while index < len(blocks):
        kind, value = blocks[index]
        speaker = _speaker(value, blocks[index + 1]) if kind == "image" and index + 1 < len(blocks) else None
        if speaker:
            position = len(out) if position is None else position
            speakers.append(speaker)
            replaced += blocks[index : index + 2]
            index += 2
        else:
            out.append((kind, value))
            index += 1
    if not speakers:
        return None
    typed = ("speakers", {"heading": "", "speakers": speakers, "fallback": replaced})
    return [*out[:position], typed, *out[position:]]


def _speaker(image, block):
    kind, value = block
    if kind != "paragraph":
        return None
    soup = BeautifulSoup(value, "html.parser")
    first = soup.contents[0] if soup.contents else None
    name = _bold_line(first)
    if not name:
        return None
    first.decompose()
    placeholder = any(word in image["src"] for word in PLACEHOLDER_PHOTOS)
    speaker = {"name": name[:200], "photo": "" if placeholder else image["src"], "alt": image.get("alt") or ""}
    # The silhouette is no portrait, but it is one of the old site's files: it must still answer at its address.
    return {**speaker, "placeholder": image["src"] if placeholder else "", "bio": str(soup)}


def _bold_line(node):
    if not isinstance(node, Tag) or node.name != "p":
        return ""
    meaningful = [child for child in node.contents if not (isinstance(child, NavigableString) and not child.strip())]
    if len(meaningful) == 1 and isinstance(meaningful[0], Tag) and meaningful[0].name in ("strong", "b"):
        return _collapse(meaningful[0].get_text())
    return ""


def _collapse(text):
    return re.sub(r"\s+", " ", text or "").strip()


MAPPERS = {"faq": _faq, "sponsors": _sponsors, "registration": _registration, "speakers": _speakers}
