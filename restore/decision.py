"""Stage 4: decide which scored candidates to apply.

Candidates below the threshold are dropped; among overlapping ones a
phrase-table match wins, the longest first, and then the most confident
word-spinner candidate, unless a longer one restores the same word. Several
passes are composed into one list of substitutions in input offsets, so
chains unwind from the inside out; what the last pass leaves below the
threshold discounts the restorations it may continue (:func:`doubt_unfinished`),
and a restoration that is a name gets its capitals (:func:`_cased`).

>>> from restore.report import Substitution as S
>>> merge_pass([S(3, 14, "urban amount", "urban center", 0.9, "a")],
...            [S(3, 15, "urban center", "city", 0.8, "b")], "a urban amount")[0].original
'city'
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace
from typing import NamedTuple, Sequence

from .candidates import WORDNET_FAMILY, Candidate, proper_case
from .numbers import is_number
from .report import Substitution, output_spans, splice
from .scoring import TORTURED_FAMILY, Scored
from .spans import IntervalSet
from .tokens import FUNCTION_WORDS


# a word-spinner candidate at least this confident takes precedence over those inside
# its span that restore the same word (see _inside_a_longer_twin)
LONGER_TWIN_MIN_CONFIDENCE = 0.5


def choose(scored: Sequence[Scored], threshold: float) -> list[Scored]:
    """Non-overlapping candidates over ``threshold``, sorted by position.

    Phrase-table matches go first, the longest first: "profound neural
    organization" is one tortured phrase, not a stray word and "neural
    organization". Word-spinner candidates then fill the free text, the most
    confident first: in "of the like capacity", "like" -> "same" (0.8) beats
    the lemma "the like" -> "like" (0.6); but one inside a longer candidate
    that restores the same word is left out (:func:`_inside_a_longer_twin`).
    """
    eligible = [s for s in scored if s.confidence >= threshold]
    twins = _inside_a_longer_twin(eligible)
    if twins:
        eligible = [s for s in eligible if id(s) not in twins]
    eligible.sort(key=lambda s: (s.candidate.row.family == WORDNET_FAMILY,
                                 _rank_within_family(s), s.candidate.start))
    taken: list[Scored] = []
    left_out: list[Scored] = []
    occupied = IntervalSet()
    for item in eligible:
        if occupied.add_if_free(item.candidate.start, item.candidate.end):
            taken.append(item)
        elif item.candidate.row.family == WORDNET_FAMILY:
            left_out.append(item)
    if left_out:
        taken = _inner_steps_first(taken, left_out)
    taken.sort(key=lambda s: s.candidate.start)
    return taken


def _inner_steps_first(taken: list[Scored], left_out: Sequence[Scored]) -> list[Scored]:
    """``taken`` with a longer lemma that gives back the words it shares with a
    taken word-spinner candidate put in that one's place: the inner step of a
    chain goes first. In "chromatography column inch" (in -> inch -> column
    inch, then column -> chromatography column), "column inch" -> "in" alone
    leaves "chromatography in"; "chromatography column" -> "column" leaves
    "column inch" as it was, and the next pass restores it. A lemma that holds
    its word and adds words on one side only counts ("calendar month" ->
    "month"), and only where nothing else is taken over its other words.

    >>> from restore.tables import Row
    >>> def scored(start, end, spun, original, confidence):
    ...     row = Row(spun, original, 0.9, WORDNET_FAMILY, "", "t")
    ...     return Scored(Candidate(start, end, spun, original, row, "x", True, False), confidence, "")
    >>> outer = scored(15, 26, "column inch", "in", 0.97)
    >>> inner = scored(0, 21, "chromatography column", "column", 0.8)
    >>> [s.candidate.spun for s in choose([outer, inner], 0.5)]
    ['chromatography column']
    >>> [s.candidate.spun for s in choose([outer, scored(0, 21, "chromatography column", "tower", 0.8)], 0.5)]
    ['column inch']
    """
    inners = [s for s in left_out if " " in s.candidate.spun.strip()]
    if not inners:
        return taken
    ordered = sorted(taken, key=lambda s: s.candidate.start)  # (disjoint spans)
    starts = [s.candidate.start for s in ordered]
    for inner in sorted(inners, key=lambda s: -s.confidence):
        a = inner.candidate
        # the taken candidates that overlap ``a``: those starting before its end,
        # walking back while they end after its start
        at = bisect_left(starts, a.end)
        first = at
        while first > 0 and ordered[first - 1].candidate.end > a.start:
            first -= 1
        if at - first != 1 or ordered[first].candidate.row.family != WORDNET_FAMILY:
            continue
        b = ordered[first].candidate
        if a.start < b.start < a.end < b.end:  # "chromatography column" | "column inch"
            shared = a.spun[b.start - a.start:]
        elif b.start < a.start < b.end < a.end:  # the mirror image
            shared = a.spun[:b.end - a.start]
        else:
            continue
        if shared.strip().lower() == a.original.lower():
            del ordered[first], starts[first]
            at = bisect_left(starts, a.start)
            ordered.insert(at, inner)
            starts.insert(at, a.start)
    return ordered


def _inside_a_longer_twin(eligible: Sequence[Scored]) -> set[int]:
    """The ids of word-spinner candidates whose span lies inside the span of a
    longer one, at least ``LONGER_TWIN_MIN_CONFIDENCE`` confident, that
    restores the same word and adds a word that is no function word: "inch"
    -> "in" inside "column inch" -> "in" (a hop of two, in -> inch -> column
    inch). Both may be about as confident, since each is weighed against
    keeping the text; restoring the short one leaves "column in", the end of
    no chain. One that only adds function words does not count: "the like" ->
    "same" around "like" -> "same", "and and so" -> "then" around the author's
    "and" and "and so" -> "then". Dev set, seeds 1-2: 9 gold edits more restored,
    3 fewer (recall 0.715 -> 0.716, precision 0.879 -> 0.880); Brown press texts:
    0.661/0.826 -> 0.662/0.828, chains 0.695 -> 0.700.

    >>> from restore.tables import Row
    >>> def scored(start, end, spun, original, confidence):
    ...     row = Row(spun, original, 0.9, WORDNET_FAMILY, "", "t")
    ...     return Scored(Candidate(start, end, spun, original, row, "x", True, False), confidence, "")
    >>> long, short = scored(0, 11, "column inch", "in", 0.94), scored(7, 11, "inch", "in", 0.95)
    >>> [s.candidate.spun for s in choose([long, short], 0.5)]
    ['column inch']
    >>> [s.candidate.spun for s in choose([scored(0, 11, "column inch", "in", 0.3), short], 0.0)]
    ['inch']
    >>> [s.candidate.spun for s in choose([scored(0, 11, "column inch", "inch", 0.9), short], 0.5)]
    ['inch']
    >>> [s.candidate.spun for s in choose([scored(0, 8, "the like", "same", 0.9),
    ...                                    scored(4, 8, "like", "same", 0.95)], 0.5)]
    ['like']
    """
    by_original: dict[str, list[Scored]] = {}
    for s in eligible:
        if s.candidate.row.family == WORDNET_FAMILY:
            by_original.setdefault(s.candidate.original.lower(), []).append(s)
    inside: set[int] = set()
    for group in by_original.values():
        if len(group) < 2:
            continue
        group.sort(key=lambda s: (s.candidate.start, -s.candidate.end))
        open_twins: list[Candidate] = []  # confident ones that start no later, by start
        for s in group:
            c = s.candidate
            open_twins = [d for d in open_twins if d.end > c.start]
            if any(d.end >= c.end and (d.start, d.end) != (c.start, c.end)
                   and _adds_a_content_word(d, c) for d in open_twins):
                inside.add(id(s))
            if s.confidence >= LONGER_TWIN_MIN_CONFIDENCE:
                open_twins.append(c)
    return inside


def _adds_a_content_word(longer: Candidate, inner: Candidate) -> bool:
    """Does ``longer``'s spun form hold a word that is no function word outside
    ``inner``'s span?"""
    low, high = inner.start - longer.start, inner.end - longer.start
    extra = f"{longer.spun[:low]} {longer.spun[high:]}"
    return any(word.lower() not in FUNCTION_WORDS for word in extra.split())


def _rank_within_family(s: Scored) -> tuple[float, float]:
    length = s.candidate.end - s.candidate.start
    if s.candidate.row.family == WORDNET_FAMILY:
        return (-s.confidence, -length)
    return (-length, -s.confidence)


def to_substitutions(chosen: Sequence[Scored]) -> list[Substitution]:
    return [
        Substitution(s.candidate.start, s.candidate.end, s.candidate.spun,
                     _cased(s.candidate), round(s.confidence, 4), s.candidate.rule,
                     str(s.evidence))
        for s in chosen
    ]


def _cased(c: Candidate) -> str:
    """The restoration, written as a name where it is one: when the author
    wrote the spun form as a name ("in the Joined States" -> "United States";
    the tortured list is lowercase, and "joined states", or a capital only at
    a sentence start, is no sign of a name), or when the table writes the
    original with a capital and WordNet knows it only so ("thorium" ->
    "Thursday", while "modern" -> "new", not "New"). Only the chosen
    restorations are looked up, so clean text never loads the synsets.

    >>> from restore.tables import Row
    >>> from restore.candidates import transfer_case
    >>> def cased(spun, table_original, start=False):
    ...     row = Row(spun.lower(), table_original, 0.5, WORDNET_FAMILY, "", "t")
    ...     original = transfer_case(spun, row.spun, table_original)
    ...     return _cased(Candidate(0, len(spun), spun, original, row, "x", True, start))
    >>> cased("thorium", "Thursday"), cased("modern", "New")
    ('Thursday', 'new')
    >>> cased("Joined States", "united states")
    'United States'
    >>> cased("joined states", "united states"), cased("Joined states", "united states", True)
    ('united states', 'United states')
    """
    if (c.spun[:1].isupper() and not c.sentence_start) or c.row.original[:1].isupper():
        return proper_case(c.original)
    return c.original


def merge_pass(earlier: Sequence[Substitution], later: Sequence[Substitution],
               source: str, forms: "ChainForms | None" = None) -> list[Substitution]:
    """Compose substitutions of a later pass (offsets in the text the earlier
    ones produced) with the earlier ones (offsets in ``source``).

    The result has offsets in ``source``; later substitutions that overlap
    earlier ones are merged with them into one chained substitution, whose
    forms ``forms`` records when given. Runs in one sweep over both lists.
    """
    earlier = sorted(earlier, key=lambda s: s.start)
    current_text = splice(source, earlier)
    # where each earlier substitution sits in the current text, and the shift
    # (current minus source offset) in force after it
    items: list[tuple[int, int, int, Substitution]] = []
    ends: list[int] = []
    shifts: list[int] = []
    shift = 0
    for sub in earlier:
        start = sub.start + shift
        items.append((start, start + len(sub.original), 0, sub))
        shift += len(sub.original) - (sub.end - sub.start)
        ends.append(start + len(sub.original))
        shifts.append(shift)
    items.extend((sub.start, sub.end, 1, sub) for sub in later)
    items.sort(key=lambda item: (item[0], item[1]))

    def to_source(position: int) -> int:
        index = bisect_right(ends, position)
        return position - (shifts[index - 1] if index else 0)

    merged: list[Substitution] = []
    group: list[tuple[int, int, int, Substitution]] = []
    group_end = -1
    for item in items + [(len(current_text) + 1, 0, 0, None)]:  # sentinel flushes
        if group and item[0] < group_end:
            group.append(item)
            group_end = max(group_end, item[1])
            continue
        if group:
            merged.extend(_merge_group(group, current_text, source, to_source, forms))
        group, group_end = [item], item[1]
    merged.sort(key=lambda s: s.start)
    return merged


def _merge_group(group, current_text: str, source: str, to_source,
                 forms: "ChainForms | None" = None) -> list[Substitution]:
    """One set of mutually overlapping substitutions as one chained substitution."""
    later = [sub for _, _, kind, sub in group if kind == 1]
    earlier = [sub for _, _, kind, sub in group if kind == 0]
    if not later:
        return earlier
    region_start = min(start for start, _, _, _ in group)
    region_end = max(end for _, end, _, _ in group)
    pieces: list[str] = []
    cursor = region_start
    for sub in later:
        pieces.append(current_text[cursor:sub.start])
        pieces.append(sub.original)
        cursor = sub.end
    pieces.append(current_text[cursor:region_end])
    in_start, in_end = to_source(region_start), to_source(region_end)
    chain = earlier + later
    confidence = min(sub.confidence for sub in chain)
    # (one step over the whole of one restoration: a chain goes on at its span)
    same_span = len(group) == 2 and group[0][:2] == group[1][:2] and len(later) == 1
    if forms is not None and same_span:
        confidence = forms.confidence(earlier[0], later[0], confidence)
    combined = Substitution(
        in_start, in_end, source[in_start:in_end], "".join(pieces),
        confidence, " then ".join(sub.rule for sub in chain),
        "; ".join(sub.evidence for sub in chain if sub.evidence))
    if combined.spun == combined.original:
        return []
    if forms is not None:
        forms.join(combined, *((earlier[0], later[0]) if same_span else ()))
    return [combined]


class ChainState(NamedTuple):
    """What a chain of restorations at one span went through: its ``forms``
    (casefolded), each with the confidence the chain had when it first wrote
    it, and whether it has ``settled`` (see :class:`ChainForms`)."""

    forms: dict[str, float]
    settled: bool = False


class ChainForms:
    """The forms each restoration went through on its way back, kept across
    the passes and fresh judgements of one text, so that no chain swings
    between two readings for ever. The spinner never writes a word for
    itself, so a chain's forms are all different; at low thresholds the
    passes would otherwise wander round a synset ("lobby" -> "hall" ->
    "hallway" -> "hall" -> "hallway": a third of the chains reported at
    threshold 0.01 on the dev set), ending wherever the last pass left them.

    A step back to a form the chain went through is taken: the decoder, with
    more of the text restored around it, finds that form right after all.
    The chain has then *settled*: no later step moves it
    (:meth:`settled`, :func:`drop_unsettling`), and its confidence is the one it had at that
    form, or the step back's if lower (the detour is no evidence against
    it). A step back to the form it started from
    undoes it (see :func:`merge_pass`); :func:`drop_reversals` keeps a step
    from undoing the one just before it in the same judgement.

    A restoration is known by its span, original and rule (its confidence may
    be discounted later); one never chained has gone through its two forms.

    >>> from restore.report import Substitution as S
    >>> forms = ChainForms()
    >>> steps = [S(0, 5, "lobby", "hall", 0.9, "a")], [S(0, 4, "hall", "hallway", 0.3, "b")]
    >>> chain = merge_pass(*steps, "lobby", forms)
    >>> sorted(forms.of(chain[0]).forms.items()), forms.of(chain[0]).settled
    ([('hall', 0.9), ('hallway', 0.3), ('lobby', 1.0)], False)
    >>> back = merge_pass(chain, [S(0, 7, "hallway", "hall", 0.6, "c")], "lobby", forms)
    >>> back[0].original, back[0].confidence, forms.of(back[0]).settled
    ('hall', 0.6, True)
    >>> forms.of(S(0, 5, "lobby", "hall", 0.9, "a"))
    ChainState(forms={'lobby': 1.0, 'hall': 0.9}, settled=False)
    """

    def __init__(self) -> None:
        self._chains: dict[tuple[int, int, str, str], ChainState] = {}  # by _chain_key
        self._settled_any = False

    def of(self, sub: Substitution) -> ChainState:
        """What ``sub``'s chain went through, its two ends too."""
        known = self._chains.get(_chain_key(sub))
        return known if known is not None else ChainState(
            {sub.spun.casefold(): 1.0, sub.original.casefold(): sub.confidence})

    def confidence(self, earlier: Substitution, step: Substitution, chained: float) -> float:
        """The confidence of the chain ``earlier`` taken on by ``step``, over
        the whole of what it wrote: ``chained`` (the least of theirs), unless
        ``step`` comes back to a form the chain went through."""
        back = self.of(earlier).forms.get(step.original.casefold())
        return chained if back is None else min(back, step.confidence)

    def join(self, combined: Substitution, earlier: Substitution | None = None,
             step: Substitution | None = None) -> None:
        """Record the chain ``combined``: ``earlier`` taken on by ``step`` over
        the whole of what it wrote (else the merge of steps on parts of a
        span, whose forms are only its ends). It has settled if it came back
        to a form ``earlier`` went through."""
        ends = {combined.spun.casefold(): 1.0, combined.original.casefold(): combined.confidence}
        if earlier is None or step is None:
            self._chains[_chain_key(combined)] = \
                ChainState(ends)
            return
        before = self.of(earlier).forms
        now = {**self.of(step).forms, **ends, **before}
        settled = combined.original.casefold() in before
        self._settled_any |= settled
        self._chains[_chain_key(combined)] = \
            ChainState(now, settled)

    def visited(self, substitutions: Sequence[Substitution]) -> dict[tuple[int, int], ChainState]:
        """What the chains among ``substitutions`` (sorted, offsets in their
        source) went through, by span of the text they write, for a fresh
        judgement of that text: their forms but the one each started from (a
        step back to that one undoes the chain). A restoration never chained
        is left out: a fresh step on it can only go on, or back to its start.

        >>> from restore.report import Substitution as S
        >>> forms = ChainForms()
        >>> chain = merge_pass([S(2, 7, "lobby", "hall", 0.9, "a")],
        ...                    [S(2, 6, "hall", "hallway", 0.3, "b")], "a lobby", forms)
        >>> forms.visited([S(0, 1, "x", "yz", 0.9, "c")] + chain)
        {(3, 10): ChainState(forms={'hall': 0.9, 'hallway': 0.3}, settled=False)}
        """
        out: dict[tuple[int, int], ChainState] = {}
        for sub, span in zip(substitutions, output_spans(substitutions)):
            state = self._chains.get(_chain_key(sub))
            if state is not None:
                start = sub.spun.casefold()
                out[span] = state._replace(forms={form: confidence for form, confidence
                                                  in state.forms.items() if form != start})
        return out

    def settled(self, substitutions: Sequence[Substitution],
                visited: dict[tuple[int, int], ChainState] | None = None
                ) -> set[tuple[int, int]]:
        """The spans of the text ``substitutions`` (sorted, offsets in their
        source) write where a chain has settled: one that came back to a form
        it went through in this judgement, or to one that ``visited`` (what
        an earlier judgement's chains went through, by span of that source)
        holds at its span; and the settled ones of ``visited`` that no
        substitution touches, moved to where they now are.

        >>> from restore.report import Substitution as S
        >>> ChainForms().settled([S(0, 7, "hallway", "hall", 0.9, "a")],
        ...     {(0, 7): ChainState({"hall": 0.8, "hallway": 0.3}),
        ...      (9, 13): ChainState({"x": 1.0}, True)})
        {(0, 4), (6, 10)}
        """
        out: set[tuple[int, int]] = set()
        if not visited and not self._settled_any:
            return out
        spans = output_spans(substitutions)
        for sub, span in zip(substitutions, spans):
            state = self._chains.get(_chain_key(sub))
            earlier = visited.get((sub.start, sub.end)) if visited else None
            if ((state is not None and state.settled)
                    or (earlier is not None and sub.original.casefold() in earlier.forms)):
                out.add(span)
        earlier_settled = [span for span, state in (visited or {}).items() if state.settled]
        if earlier_settled:
            starts = [sub.start for sub in substitutions]
            for low, high in earlier_settled:
                index = bisect_right(starts, low)
                if (index and substitutions[index - 1].end > low) \
                        or (index < len(starts) and starts[index] < high):
                    continue  # (touched by a substitution)
                # (shifted as far as the substitution before it shifted its own end)
                shift = spans[index - 1][1] - substitutions[index - 1].end if index else 0
                out.add((low + shift, high + shift))
        return out


def _chain_key(sub: Substitution) -> tuple[int, int, str, str]:
    """How :class:`ChainForms` knows a restoration: its span, original and
    rule (not its confidence, which a later step may discount)."""
    return sub.start, sub.end, sub.original, sub.rule


def drop_unsettling(found: Sequence[Substitution],
                    settled: set[tuple[int, int]]) -> list[Substitution]:
    """``found`` (restorations a pass chose) without the steps that would move
    a chain that has settled (``settled``: spans of the text they restore,
    see :meth:`ChainForms.settled`). They are left out after the decoder
    weighed them, not before: left out of its candidates, they would hand
    their share of belief to the rival readings of the span.

    >>> from restore.report import Substitution as S
    >>> step = S(0, 4, "hall", "hallway", 0.3, "r")
    >>> drop_unsettling([step], {(0, 4)}), len(drop_unsettling([step], {(0, 5)}))
    ([], 1)
    """
    if not settled:
        return list(found)
    return [sub for sub in found if (sub.start, sub.end) not in settled]


def drop_reversals(candidates: Sequence[Candidate],
                   found: Sequence[Substitution]) -> list[Candidate]:
    """``candidates`` of a later pass without those that would put back what
    a restoration of the pass before replaced ("innovation" -> "design" ->
    "plan", then "plan" -> "design"). The spinner never writes a word for
    itself, so such a step only undoes the one before; at low thresholds
    passes would otherwise swing back and forth. ``found`` (sorted, offsets in
    the text before that pass) are the pass's restorations; the candidates'
    offsets are in the text it wrote.

    >>> from restore.report import Substitution as S
    >>> from restore.tables import Row
    >>> def c(original):
    ...     row = Row("plan", original, 0.3, WORDNET_FAMILY, "lemma", "t")
    ...     return Candidate(4, 8, "plan", original, row, "exact", True, False)
    >>> [k.original for k in drop_reversals([c("design"), c("program")],
    ...                                     [S(4, 10, "design", "plan", 0.6, "r")])]
    ['program']
    """
    undone = {(start, end, sub.spun.casefold())
              for sub, (start, end) in zip(found, output_spans(found))}
    return [c for c in candidates if (c.start, c.end, c.original.casefold()) not in undone]


def doubt_unfinished(substitutions: Sequence[Substitution], pending: Sequence[Scored],
                     threshold: float) -> list[Substitution]:
    """Discount restorations whose output may itself be a spin.

    The spinner re-spins its own output: "run" -> "black market" -> "melanise
    market". Restoring "melanise" -> "black" is then right about the spin but
    leaves "black market", which is not what the author wrote. ``pending`` are
    the candidates the decoder scored on the restored text and left below
    ``threshold`` (e.g. "black market" -> "run" at 0.3). Each restoration is
    right only if its output is final, so its confidence is multiplied by one
    minus the likeliest pending candidate that overlaps its output; those that
    fall below ``threshold`` are dropped (the text keeps what was written).

    >>> from restore.report import Substitution as S
    >>> from restore.tables import Row
    >>> from restore.candidates import Candidate
    >>> row = Row("black market", "run", 0.2, WORDNET_FAMILY, "lemma", "t")
    >>> later = Scored(Candidate(0, 12, "black market", "run", row, "exact", True, True), 0.3, "")
    >>> [(d.original, d.confidence) for d in
    ...  doubt_unfinished([S(0, 8, "melanise", "black", 0.97, "r")], [later], 0.5)]
    [('black', 0.679)]
    >>> doubt_unfinished([S(0, 8, "melanise", "black", 0.97, "r")], [later], 0.9)
    []
    """
    if not pending or not substitutions:
        return list(substitutions)
    ordered = sorted(pending, key=lambda s: s.candidate.start)
    starts = [s.candidate.start for s in ordered]
    longest = max(s.candidate.end - s.candidate.start for s in ordered)
    out: list[Substitution] = []
    for sub, (low, high) in zip(substitutions, output_spans(substitutions)):
        if sub.rule.startswith(TORTURED_FAMILY):  # scientific English: final
            out.append(sub)
            continue
        doubt, step = 0.0, None
        for index in range(bisect_right(starts, low - longest), bisect_right(starts, high - 1)):
            later = ordered[index]
            if (later.candidate.end > low and later.confidence > doubt
                    and _continues(later.candidate, sub, low, high)):
                doubt, step = later.confidence, later.candidate
        if step is None:
            out.append(sub)
            continue
        confidence = round(sub.confidence * (1.0 - doubt), 4)
        if confidence >= threshold:
            out.append(replace(sub, confidence=confidence, evidence=(
                f"{sub.evidence}; may itself be spun: {step.spun!r} -> {step.original!r} "
                f"{doubt:.2f}")))
    return out


def _continues(later: Candidate, sub: Substitution, low: int, high: int) -> bool:
    """Is ``later``, found over ``sub``'s output at ``low:high``, a further
    step of a chain? It is when it reaches past that output ("black market"
    over "black") or re-spins part of it. On exactly the same words it is a
    rival reading that the decoder already weighed: a two-hop spin ("about"
    for "around", then "well-nigh"), ``sub`` taken back ("rite" -> "ritual"
    -> "rite"), or a number respelled ("11" -> "eleven").

    >>> from restore.report import Substitution as S
    >>> from restore.tables import Row
    >>> row = Row("x", "y", 0.2, WORDNET_FAMILY, "lemma", "t")
    >>> sub = S(0, 9, "melanise", "black", 0.9, "r")
    >>> [_continues(Candidate(a, b, "", o, row, "exact", True, True), sub, 0, 5)
    ...  for a, b, o in ((0, 12, "run"), (0, 5, "dark"))]
    [True, False]
    >>> _continues(Candidate(0, 11, "two hundred", "200", row, "exact", True, True),
    ...            S(0, 14, "ii hundred", "two hundred", 0.9, "r"), 0, 11)
    False
    """
    if (later.start, later.end) == (low, high) or later.original.lower() == sub.spun.lower():
        return False
    return not (is_number(later.spun) and is_number(later.original))
