"""Gold edits from a spun text and the original it was spun from.

A spun page found in the wild comes without the spinner's log, but often with its
source: the article it was copied from. What the spinner changed is found by aligning
the two texts' words (:class:`difflib.SequenceMatcher`, without its junk heuristic),
so that ``unspin evaluate --pairs SPUN ORIGINAL`` measures the restorer on real pairs
with the metrics it has on simulated spins.

>>> [(e.spun, e.original) for e in align("It volition survive fine past times June.",
...                                      "It will be fine by June.").edits]
[('volition', 'will'), ('survive', 'be'), ('past times', 'by')]

Words are compared as written: a change of case ("Inward" for "In") is an edit, a
change of the punctuation or spacing between two words is not (the word error rate
does not see it either). Where the two sides of a differing run have as many words,
each differing word is an edit of its own; where they do not ("volition survive past
times" for "will be by" when the spinner changed three neighbours), the run is one
edit, and the alignment cannot say where inside it one swap ends. Words added or
dropped on one side only, more than ``MAX_ADDED_WORDS`` of them or whole paragraphs,
or a run of more than ``MAX_RUN_WORDS`` words, are no synonym swaps (a paragraph the
page added, a caption it dropped): they are left out and counted in
:attr:`Alignment.unaligned_words`.

A substitution is judged by what it writes (:func:`match_aligned`): it is right when
the original has exactly its output between the points its two ends align to. Where
an end may align to two points (a word the spinner added, "mental block" for
"block", may belong to the word after it or to the one before), either will do;
inside a run of unequal length no end aligns, so the substitutions inside such a run
are judged together, by the text they write over it; and neighbouring substitutions
that are not right alone are right together when what they write, with the text
between them, is the original's.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Sequence

from .report import Substitution
from .spin import GoldEdit
from .tokens import BLANK_LINE, tokenize, words

# Longer runs are no swaps: words added or dropped on one side only (a multiword lemma
# holding its original adds at most 5: "genus Secale cereale" for "rye" adds none, "mental
# block" for "block" one), or runs of both (neighbouring swaps, each at most 6 words)
MAX_ADDED_WORDS = 5
MAX_RUN_WORDS = 24
# neighbouring runs that a match of at most this many words parts are aligned again
# as one, by edit distance (see _opcodes); and only while the table that takes is small
MAX_PARTING_WORDS = 2
MAX_REALIGNED_CELLS = 40_000
ALIGNED_KIND = "aligned"


@dataclass
class Alignment:
    """Gold edits turning ``spun`` back into ``original`` (see the module), and
    where the spun text's word boundaries fall in the original.

    ``edits``: one per differing word, or per differing run of unequal length;
    a word the spinner added spans that word in the spun text and nothing in the
    original (``orig_start == orig_end``), a word it dropped the other way round.
    ``points``: spun offset (a word's start or end) -> the original offsets it may
    stand for. ``runs``: spun spans of the runs of unequal length (added words
    among them), whose inner word boundaries align nowhere."""

    spun: str
    original: str
    edits: tuple[GoldEdit, ...] = ()
    unaligned_words: int = 0
    points: dict[int, tuple[int, ...]] = field(default_factory=dict)
    runs: tuple[tuple[int, int], ...] = ()


def _word_spans(text: str) -> list[tuple[int, int]]:
    return [(t.start, t.end) for t in tokenize(text) if t.kind == "word"]


def _similar(a: str, b: str) -> bool:
    """Do two different words look like one another ("inwards" and "in",
    "bygone" and "gone", "European" and "Europe")?

    >>> _similar("inwards", "in"), _similar("bygone", "gone"), _similar("late", "recent")
    (True, True, False)
    """
    a, b = a.lower(), b.lower()
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 2 and (long_.startswith(short) or long_.endswith(short)):
        return True
    return len(short) >= 4 and long_[:4] == short[:4]


def _swap_cost(a: str, b: str) -> float:
    """What putting ``b`` for ``a`` costs in :func:`_edit_opcodes`: nothing for the
    same word, half for a word like it, else one."""
    return 0.0 if a == b else 0.5 if _similar(a, b) else 1.0


def _edit_opcodes(a: Sequence[str], b: Sequence[str], i0: int, j0: int
                  ) -> list[tuple[str, int, int, int, int]]:
    """Opcodes (as :meth:`SequenceMatcher.get_opcodes`, offset by ``i0``, ``j0``)
    of the cheapest word-level edit of ``a`` into ``b``: a word kept costs 0, one
    swapped for a word like it 0.5, for another 1, one added or dropped 1."""
    n, m = len(a), len(b)
    cost = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        cost[i][0] = float(i)
    for j in range(1, m + 1):
        cost[0][j] = float(j)
    for i in range(1, n + 1):
        row, above = cost[i], cost[i - 1]
        for j in range(1, m + 1):
            row[j] = min(above[j - 1] + _swap_cost(a[i - 1], b[j - 1]), above[j] + 1.0,
                         row[j - 1] + 1.0)
    steps: list[tuple[int, int, bool]] = []  # (i, j, kept) from the end, diagonal first
    i, j = n, m
    while i or j:
        if i and j:
            if cost[i][j] == cost[i - 1][j - 1] + _swap_cost(a[i - 1], b[j - 1]):
                steps.append((i - 1, j - 1, a[i - 1] == b[j - 1]))
                i, j = i - 1, j - 1
                continue
        if i and cost[i][j] == cost[i - 1][j] + 1.0:
            steps.append((i - 1, -1, False))
            i -= 1
        else:
            steps.append((-1, j - 1, False))
            j -= 1
    out: list[tuple[str, int, int, int, int]] = []
    i = j = 0
    for si, sj, kept in reversed(steps):
        tag = "equal" if kept else "replace"
        ni, nj = i + (si >= 0), j + (sj >= 0)
        if out and out[-1][0] == tag:
            out[-1] = (tag, out[-1][1], i0 + ni, out[-1][3], j0 + nj)
        else:
            out.append((tag, i0 + i, i0 + ni, j0 + j, j0 + nj))
        i, j = ni, nj
    return [(("delete" if j1 == j2 else "insert" if i1 == i2 else tag), i1, i2, j1, j2)
            for tag, i1, i2, j1, j2 in out]


def _opcodes(a: Sequence[str], b: Sequence[str]) -> list[tuple[str, int, int, int, int]]:
    """The word-level alignment of ``a`` with ``b``: :class:`SequenceMatcher`'s
    opcodes, but where its longest-match-first rule parts two differing runs by a
    match of a word or two ("take in bygone bankrupt" for "have gone bankrupt in"
    matched "in" with "in"), the runs and the match between them are aligned
    again by edit distance (:func:`_edit_opcodes`), which matches "bankrupt".

    >>> [op[0] for op in _opcodes("take in bygone bankrupt inwards".split(),
    ...                           "have gone bankrupt in".split())]
    ['replace', 'equal', 'replace']
    """
    matched = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    out: list[tuple[str, int, int, int, int]] = []
    index = 0
    while index < len(matched):
        tag, i1, i2, j1, j2 = matched[index]
        if tag == "equal":
            out.append(matched[index])
            index += 1
            continue
        last = index  # the last differing run reached through short matches
        while (last + 2 < len(matched) and matched[last + 1][0] == "equal"
               and matched[last + 1][2] - matched[last + 1][1] <= MAX_PARTING_WORDS):
            last += 2
        i2, j2 = matched[last][2], matched[last][4]
        if last > index and (i2 - i1) * (j2 - j1) <= MAX_REALIGNED_CELLS:
            out += _edit_opcodes(a[i1:i2], b[j1:j2], i1, j1)
        else:
            out += matched[index:last + 1]
        index = last + 1
    return out


def _paragraph_starts(text: str, spans: Sequence[tuple[int, int]]) -> list[int]:
    """The index of the first word of each paragraph of ``text`` (blank-line separated)."""
    breaks = [m.end() for m in BLANK_LINE.finditer(text)]
    starts, word = [0], 0
    for at in breaks:
        while word < len(spans) and spans[word][0] < at:
            word += 1
        starts.append(word)
    return starts


def _paragraph_opcodes(spun_texts: Sequence[str], original_texts: Sequence[str],
                       spun_starts: Sequence[int], original_starts: Sequence[int]
                       ) -> list[tuple[str, int, int, int, int]]:
    """:func:`_opcodes` of the two texts' words, paragraph by paragraph (each
    paragraph's first word, :func:`_paragraph_starts`) when they have as many
    paragraphs (a spinner keeps them), else of the whole: faster, and a long text
    that repeats itself is not matched across its repeats."""
    if len(spun_starts) != len(original_starts):
        return _opcodes(spun_texts, original_texts)
    spun_starts = [*spun_starts, len(spun_texts)]
    original_starts = [*original_starts, len(original_texts)]
    out: list[tuple[str, int, int, int, int]] = []
    for k in range(len(spun_starts) - 1):
        i0, i1 = spun_starts[k], spun_starts[k + 1]
        j0, j1 = original_starts[k], original_starts[k + 1]
        out += [(tag, a1 + i0, a2 + i0, b1 + j0, b2 + j0) for tag, a1, a2, b1, b2
                in _opcodes(spun_texts[i0:i1], original_texts[j0:j1])]
    return out


def align(spun: str, original: str) -> Alignment:
    """The word-level alignment of ``spun`` with ``original`` (see the module).

    >>> a = align("A mere cat sat.", "A cat sat.")
    >>> [(e.spun, e.original, e.start, e.end, e.orig_start, e.orig_end) for e in a.edits]
    [('mere', '', 2, 6, 1, 1)]
    >>> align("It rained. Read more of our weather news here.", "It rained.").unaligned_words
    7
    """
    spun_words, original_words = _word_spans(spun), _word_spans(original)
    spun_texts = [spun[a:b] for a, b in spun_words]
    original_texts = [original[a:b] for a, b in original_words]
    out = Alignment(spun, original)
    edits: list[GoldEdit] = []
    runs: list[tuple[int, int]] = []
    points: dict[int, set[int]] = {}

    def point(at: int, *where: int) -> None:
        points.setdefault(at, set()).update(where)

    def original_start(j: int) -> int:  # where original word j starts (the text's end past it)
        return original_words[j][0] if j < len(original_words) else len(original)

    def original_end(j: int) -> int:  # where original word j - 1 ends (0 before the first)
        return original_words[j - 1][1] if j > 0 else 0

    spun_starts = _paragraph_starts(spun, spun_words)
    original_starts = _paragraph_starts(original, original_words)
    # a whole paragraph added or dropped is page furniture, not a swap
    spun_paragraphs = {*spun_starts, len(spun_words)}
    original_paragraphs = {*original_starts, len(original_words)}
    for tag, i1, i2, j1, j2 in _paragraph_opcodes(spun_texts, original_texts,
                                                  spun_starts, original_starts):
        one_sided = i1 == i2 or j1 == j2
        if tag != "equal" and (
                max(i2 - i1, j2 - j1) > (MAX_ADDED_WORDS if one_sided else MAX_RUN_WORDS)
                or (j1 == j2 and i1 in spun_paragraphs and i2 in spun_paragraphs)
                or (i1 == i2 and j1 in original_paragraphs and j2 in original_paragraphs)):
            out.unaligned_words += i2 - i1
            continue
        if i2 - i1 == j2 - j1:  # equal, or as many words each side: word for word
            for i, j in zip(range(i1, i2), range(j1, j2)):
                (a, b), (c, d) = spun_words[i], original_words[j]
                point(a, c)
                point(b, d)
                if spun[a:b] != original[c:d]:
                    edits.append(GoldEdit(a, b, spun[a:b], original[c:d], c, d, ALIGNED_KIND))
            continue
        # a run of unequal length: its ends align, and a word the spinner added or
        # dropped may belong to the words on either side of it
        start = spun_words[i1][0] if i1 < i2 else (spun_words[i1 - 1][1] if i1 else 0)
        end = spun_words[i2 - 1][1] if i1 < i2 else start
        orig_start, orig_end = original_start(j1), original_end(j2)
        if j1 == j2:  # added words: the original has nothing there
            orig_start = orig_end = original_end(j1)
            point(start, original_start(j1), orig_end)
            point(end, orig_end, original_start(j1))
            runs.append((start, end))
        elif i1 == i2:  # dropped words: the spun text has nothing there
            point(start, orig_start, orig_end)
            if i1 < len(spun_words):
                point(spun_words[i1][0], orig_start, orig_end)
        else:
            point(start, orig_start)
            point(end, orig_end)
            runs.append((start, end))
        edits.append(GoldEdit(start, end, spun[start:end], original[orig_start:orig_end],
                              orig_start, orig_end, ALIGNED_KIND))
    out.edits = tuple(edits)
    out.points = {at: tuple(sorted(where)) for at, where in points.items()}
    out.runs = tuple(runs)
    return out


def _points_at(alignment: Alignment, at: int, inward: int) -> list[int]:
    """The original offsets spun offset ``at`` may stand for. A substitution's end
    in punctuation beside a word ("'tween", "Dr.") stands where that word's
    boundary does (the next one towards ``inward``, past punctuation only), if
    the original has not the same punctuation there: the spinner wrote it, where
    dropping the point of "Mr." would not give the original back."""
    points, text, step = alignment.points, alignment.spun, 1 if at < inward else -1
    start = at
    while at not in points and at != inward:
        beside = text[at] if step > 0 else text[at - 1]
        if beside.isalnum() or beside.isspace():
            return []
        at += step
    skipped = text[min(start, at):max(start, at)]
    original = alignment.original
    return [point for point in points.get(at, ())
            if not skipped or (original[point - len(skipped):point] if step > 0
                               else original[point:point + len(skipped)]) != skipped]


def _writes_the_original(alignment: Alignment, start: int, end: int, output: str) -> bool:
    """Does writing ``output`` over ``spun[start:end]`` give what the original
    has between two points those ends align to?"""
    original = alignment.original
    return any(original[a:b] == output
               for a in _points_at(alignment, start, end) for b in _points_at(alignment, end, start)
               if a <= b)


def _right_from_either_end(alignment: Alignment, start: int, end: int,
                           members: Sequence[Substitution]) -> list[int]:
    """Which of ``members`` (substitutions inside the run ``spun[start:end]``, in
    order) write what the original has, read from either end of the run: from
    its start, each member or untouched word must give the original's next
    words, until one does not; the same from its end. Those met on the way
    are right; the run itself is not restored.

    >>> a = align("so every bit inward May.", "so as in May.")
    >>> from restore.report import Substitution as S
    >>> _right_from_either_end(a, 3, 19, [S(3, 12, "every bit", "as", .9, "t"),
    ...                                   S(13, 19, "inward", "on", .9, "t")])
    [0]
    """
    spun = alignment.spun
    if start not in alignment.points or end not in alignment.points:
        return []  # (an end in a run left out of the alignment)
    target = words(alignment.original[alignment.points[start][0]:alignment.points[end][-1]])
    segments: list[tuple[int, list[str]]] = []  # (member or -1, the words it writes)
    cursor = start
    for k, sub in enumerate(members):
        segments += [(-1, [word]) for word in words(spun[cursor:sub.start])]
        segments.append((k, words(sub.original)))
        cursor = sub.end
    segments += [(-1, [word]) for word in words(spun[cursor:end])]
    right: list[int] = []
    for ordered, wanted in ((segments, target), (segments[::-1], target[::-1])):
        position = 0
        for number, (k, written) in enumerate(ordered):
            if ordered is not segments:
                written = written[::-1]
            if wanted[position:position + len(written)] != written:
                break
            position += len(written)
            if position == len(wanted) and number < len(ordered) - 1:
                break  # the original ends here and the run goes on: none of it stands
            if k >= 0:
                right.append(k)
    return sorted(set(right))


def match_aligned(alignment: Alignment, substitutions: Sequence[Substitution]
                  ) -> tuple[list[bool], list[bool]]:
    """(restored flag per gold edit of ``alignment``, correct flag per substitution),
    as :func:`restore.evaluate.match_edits` gives them for a spinner's own edits:
    a substitution is correct when it writes what the original has there (see the
    module). Substitutions that reach into one run of unequal length are judged
    together, by what they make of the run and themselves; groups that are not
    right alone are tried with their neighbours (nothing but space or punctuation
    between them), and those still wrong are read from either end
    (:func:`_right_from_either_end`). A gold edit is restored when a correct
    substitution (or such a group) holds it.

    >>> from restore.report import Substitution as S
    >>> a = align("It volition survive fine.", "It will be fine.")
    >>> match_aligned(a, [S(3, 11, "volition", "will", .9, "t"),
    ...                   S(12, 19, "survive", "live", .9, "t")])
    ([True, False], [True, False])
    >>> a = align("He had a mental block.", "He had a block.")
    >>> match_aligned(a, [S(9, 21, "mental block", "block", .9, "t")])
    ([True], [True])
    """
    order = sorted(range(len(substitutions)), key=lambda k: substitutions[k].start)
    runs = sorted(alignment.runs)
    run_ends = [b for _, b in runs]
    correct = [False] * len(substitutions)
    judged: list[tuple[int, int]] = []  # spans written right, in order

    def reach(start: int, end: int) -> tuple[int, int]:
        """``start``..``end`` grown over the runs it reaches into."""
        at = bisect_right(run_ends, start)
        while at < len(runs) and runs[at][0] < end:
            start, end = min(start, runs[at][0]), max(end, runs[at][1])
            at += 1
        return start, end

    groups: list[tuple[int, int, list[int]]] = []  # (start, end, members), in order
    index = 0
    while index < len(order):
        first = substitutions[order[index]]
        start, end = reach(first.start, first.end)
        members = [order[index]]
        while (index + len(members) < len(order)
               and substitutions[order[index + len(members)]].start < end):
            nxt = substitutions[order[index + len(members)]]
            members.append(order[index + len(members)])
            start, end = reach(start, max(end, nxt.end))
        groups.append((start, end, members))
        index += len(members)

    def right(start: int, end: int, members: Sequence[int]) -> bool:
        pieces, cursor = [], start
        for k in members:
            sub = substitutions[k]
            pieces += [alignment.spun[cursor:sub.start], sub.original]
            cursor = sub.end
        pieces.append(alignment.spun[cursor:end])
        return _writes_the_original(alignment, start, end, "".join(pieces))

    number = 0
    while number < len(groups):
        start, end, members = groups[number]
        # a group that is not right alone may be with the next ones it touches: the
        # words of a doubled word align another way than they were spun ("ceiling
        # and and then" for "roof and then", spun from "roof" and "then")
        last = number
        while not right(start, groups[last][1], [k for g in groups[number:last + 1] for k in g[2]]):
            if (last + 1 == len(groups)
                    or _word_spans(alignment.spun[groups[last][1]:groups[last + 1][0]])):
                last = number - 1
                break
            last += 1
        if last >= number:
            judged.append((start, groups[last][1]))
            for group in groups[number:last + 1]:
                for k in group[2]:
                    correct[k] = True
            number = last + 1
            continue
        first = substitutions[members[0]]
        if (start, end) != (first.start, first.end):
            for k in _right_from_either_end(alignment, start, end,
                                            [substitutions[k] for k in members]):
                correct[members[k]] = True
        number += 1
    judged_starts = [a for a, _ in judged]
    restored = []
    for edit in alignment.edits:
        at = bisect_right(judged_starts, edit.start) - 1
        restored.append(at >= 0 and edit.end <= judged[at][1])
    return restored, correct
